import XCTest
@testable import LSPTransport

final class FrameDecoderTests: XCTestCase {
    private func drain(_ decoder: FrameDecoder) -> [String] {
        var out: [String] = []
        while let frame = decoder.nextFrame({ result -> String in
            switch result {
            case .success(let body): return String(decoding: body, as: UTF8.self)
            case .failure(let error): return "error: \(error)"
            }
        }) { out.append(frame) }
        return out
    }

    func testSeveralMessagesInOneChunk() {
        let decoder = FrameDecoder()
        decoder.append(Array("Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]".utf8))
        XCTAssertEqual(drain(decoder), ["{}", "[1,2,3]"])
        XCTAssertEqual(decoder.bufferedByteCount, 0)
    }

    func testOneMessageSplitOverManyChunks() {
        let decoder = FrameDecoder(initialCapacity: 16)
        let body = "{\"text\":\"" + String(repeating: "é😀x", count: 300) + "\"}"
        let wire = Array("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8)
        var frames: [String] = []
        for byte in wire {
            decoder.append([byte])
            frames += drain(decoder)
        }
        XCTAssertEqual(frames, [body])
    }

    func testHeaderNamesAreCaseInsensitiveAndContentTypeIsIgnored() {
        let decoder = FrameDecoder()
        decoder.append(Array("content-type: application/vscode-jsonrpc; charset=utf-8\r\nCONTENT-LENGTH:  4 \r\n\r\nnull".utf8))
        XCTAssertEqual(drain(decoder), ["null"])
    }

    func testAHeaderWithoutLengthIsReportedAndTheStreamGoesOn() {
        let decoder = FrameDecoder()
        decoder.append(Array("Content-Type: x\r\n\r\nContent-Length: 1\r\n\r\n1Content-Length: abc\r\n\r\nContent-Length: 1\r\n\r\n2".utf8))
        XCTAssertEqual(drain(decoder), ["error: header without a valid Content-Length", "1",
                                        "error: header without a valid Content-Length", "2"])
    }

    func testAnEndlessHeaderIsDroppedInsteadOfBufferedForever() {
        let decoder = FrameDecoder()
        decoder.append(Array(repeating: UInt8(ascii: "x"), count: FrameDecoder.maxHeaderBytes + 1))
        XCTAssertEqual(drain(decoder), ["error: no end of header within \(FrameDecoder.maxHeaderBytes) bytes"])
        decoder.append(Array("Content-Length: 2\r\n\r\n{}".utf8))
        XCTAssertEqual(drain(decoder), ["{}"])
    }

    func testFramingWritesTheHeader() {
        XCTAssertEqual(String(decoding: MessageFraming.frame(Array("{}".utf8)), as: UTF8.self), "Content-Length: 2\r\n\r\n{}")
    }
}

final class OutgoingMessageTests: XCTestCase {
    func testMessagesComeOutFramed() {
        XCTAssertEqual(String(decoding: OutgoingMessage.response(id: .string("a"), result: 1).bytes, as: UTF8.self),
                       "Content-Length: 37\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"result\":1}")
        XCTAssertEqual(String(decoding: OutgoingMessage.error(id: nil, error: .parseError("x")).bytes, as: UTF8.self),
                       "Content-Length: 65\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"x\"}}")
        XCTAssertEqual(String(decoding: OutgoingMessage.notification(method: "exit", params: Optional<ExitNotification>.none).bytes, as: UTF8.self),
                       "Content-Length: 33\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}")
        let big = String(repeating: "x", count: 200_000)
        let framed = OutgoingMessage.response(id: .int(1), result: big).bytes
        XCTAssertEqual(String(decoding: framed.prefix(26), as: UTF8.self), "Content-Length: 200036\r\n\r\n")
        XCTAssertEqual(framed.count, 26 + 200_036)
    }
}
