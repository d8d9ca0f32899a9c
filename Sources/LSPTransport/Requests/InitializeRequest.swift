/// `initialize`: the first request; the client's capabilities and settings in, the server's out.
public struct InitializeRequest: LSPRequest {
    public static let method = "initialize"
    public typealias Response = InitializeResult

    public struct ClientInfo: Sendable, Hashable {
        public var name: String
        public var version: String?
    }

    public var processId: Int?
    public var rootUri: DocumentURI?
    public var capabilities: ClientCapabilities
    /// The client's settings for this server, as the user wrote them (rc-lsp's settings live here).
    public var initializationOptions: JSONValue?
    public var clientInfo: ClientInfo?
    public var workspaceFolders: JSONValue?
    public var trace: String?

    public init(processId: Int? = nil, rootUri: DocumentURI? = nil, capabilities: ClientCapabilities = .init(),
                initializationOptions: JSONValue? = nil) {
        self.processId = processId
        self.rootUri = rootUri
        self.capabilities = capabilities
        self.initializationOptions = initializationOptions
    }

    public init(json: JSONValue) throws {
        processId = try json.decodeIfPresent("processId")
        rootUri = try json.decodeIfPresent("rootUri")
        capabilities = try json.decode("capabilities")
        initializationOptions = json["initializationOptions"].flatMap { $0.isNull ? nil : $0 }
        if let info = json["clientInfo"], !info.isNull {
            clientInfo = ClientInfo(name: try info.decode("name"), version: try info.decodeIfPresent("version"))
        }
        workspaceFolders = json["workspaceFolders"]
        trace = try json.decodeIfPresent("trace")
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("processId"); processId.encode(to: &json)
        json.key("rootUri"); rootUri.encode(to: &json)
        json.key("capabilities"); capabilities.encode(to: &json)
        json.field("initializationOptions", initializationOptions)
        if let clientInfo {
            json.key("clientInfo"); json.beginObject()
            json.key("name"); json.string(clientInfo.name)
            json.field("version", clientInfo.version)
            json.endObject()
        }
        json.field("workspaceFolders", workspaceFolders)
        json.field("trace", trace)
        json.endObject()
    }
}

public struct InitializeResult: Sendable, JSONCodable {
    public var capabilities: ServerCapabilities
    public var serverName: String
    public var serverVersion: String?

    public init(capabilities: ServerCapabilities, serverName: String, serverVersion: String?) {
        self.capabilities = capabilities; self.serverName = serverName; self.serverVersion = serverVersion
    }

    public init(json: JSONValue) throws {
        capabilities = try json.decode("capabilities")
        serverName = try json.decode("serverInfo", as: JSONValue.self).decode("name")
        serverVersion = try json["serverInfo"]?.decodeIfPresent("version")
    }

    public func encode(to json: inout JSONWriter) {
        json.beginObject()
        json.key("capabilities"); capabilities.encode(to: &json)
        json.key("serverInfo"); json.beginObject()
        json.key("name"); json.string(serverName)
        json.field("version", serverVersion)
        json.endObject()
        json.endObject()
    }
}
