import LSPTransport

/// The four notifications that keep `DocumentStore` in step with the editor. Each updates the store, then
/// tells the document observers. Events for documents that are not open are logged and dropped.

enum DidOpenHandler: NotificationHandler {
    static func handle(_ notification: DidOpenTextDocumentNotification, server: LanguageServer) throws {
        if server.documents[notification.textDocument.uri] != nil {
            server.log(.warning, "didOpen for a document already open: \(notification.textDocument.uri); content replaced")
        }
        server.notifyObservers(.opened(server.documents.open(notification.textDocument)))
    }
}

enum DidChangeHandler: NotificationHandler {
    static func handle(_ notification: DidChangeTextDocumentNotification, server: LanguageServer) throws {
        let id = notification.textDocument
        if let current = server.documents[id.uri], id.version <= current.version {
            server.log(.warning, "didChange to version \(id.version) of \(id.uri), already at \(current.version)")
        }
        do {
            server.notifyObservers(.changed(try server.documents.change(id, notification.contentChanges)))
        } catch {
            server.log(.warning, "didChange ignored: \(error)")
        }
    }
}

enum DidSaveHandler: NotificationHandler {
    static func handle(_ notification: DidSaveTextDocumentNotification, server: LanguageServer) throws {
        do {
            server.notifyObservers(.saved(try server.documents.save(notification.textDocument.uri, text: notification.text)))
        } catch {
            server.log(.warning, "didSave ignored: \(error)")
        }
    }
}

enum DidCloseHandler: NotificationHandler {
    static func handle(_ notification: DidCloseTextDocumentNotification, server: LanguageServer) throws {
        let uri = notification.textDocument.uri
        if server.documents.close(uri) {
            server.notifyObservers(.closed(uri))
        } else {
            server.log(.warning, "didClose ignored: document not open: \(uri)")
        }
    }
}
