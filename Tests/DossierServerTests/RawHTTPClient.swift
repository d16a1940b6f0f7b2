import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain socket: it sends the request target exactly as
/// given (no normalising of `..` or escapes, which is what the traversal tests need).
struct RawHTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]  // lower-cased names
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

enum RawHTTPClient {
    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        // A bound against hanging, not a timing check: other suites (a 50 MB build) may hold both cores for a while.
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(descriptor); throw POSIXError(.ECONNREFUSED) }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// One request on a fresh connection (closed after the response). `host`: the Host
    /// header (default `127.0.0.1:PORT`; empty: none, as HTTP/1.0).
    static func request(port: Int, method: String = "GET", target: String, headers: [String: String] = [:],
                        host: String? = nil) throws -> RawHTTPResponse {
        let descriptor = try connect(port: port)
        defer { close(descriptor) }
        let hostLine = host == "" ? "" : "Host: \(host ?? "127.0.0.1:\(port)")\r\n"
        var head = "\(method) \(target) HTTP/\(host == "" ? "1.0" : "1.1")\r\n" + hostLine + "Connection: close\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        send(descriptor, head + "\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return try parse(data, method: method)
    }

    static func parse(_ data: [UInt8], method: String) throws -> RawHTTPResponse {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...(max(0, data.count - 4))).first(where: { data.count >= $0 + 4 && Array(data[$0..<$0 + 4]) == separator }) else {
            throw POSIXError(.EBADMSG)
        }
        let lines = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + 4)...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return RawHTTPResponse(status: status, headers: headers, body: method == "HEAD" ? [] : body)
    }

    static func dechunk(_ data: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        while index < data.count {
            guard let lineEnd = (index..<data.count - 1).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }),
                  let size = Int(String(decoding: data[index..<lineEnd], as: UTF8.self), radix: 16), size > 0 else { break }
            result += data[(lineEnd + 2)..<min(data.count, lineEnd + 2 + size)]
            index = lineEnd + 2 + size + 2
        }
        return result
    }

    /// Opens the Server-Sent Events stream and returns a reader of its text.
    static func openEvents(port: Int) async throws -> EventStream {
        let descriptor = try await offThePool { try connect(port: port) }
        send(descriptor, "GET /__dossier/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
        return EventStream(descriptor: descriptor)
    }
}

/// Runs blocking socket work on a thread of its own. A test that blocked a thread of Swift's
/// cooperative pool (two on two cores) while another suite's build held the other left the
/// server it waited for no thread to answer on (a flaky 60 s timeout in CI).
func offThePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try work() }) }.start()
    }
}

/// Reads an event stream until some text appears. Used by one test at a time, one call
/// after another (hence unchecked).
final class EventStream: @unchecked Sendable {
    let descriptor: Int32
    private(set) var received = ""

    init(descriptor: Int32) { self.descriptor = descriptor }
    deinit { close(descriptor) }

    /// Waits (up to `seconds`) until the stream has contained `text` since the last call.
    func waitFor(_ text: String, seconds: Double = 15) async -> Bool {
        (try? await offThePool { self.blockingWaitFor(text, seconds: seconds) }) ?? false
    }

    private func blockingWaitFor(_ text: String, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 8192)
        while Date() < deadline {
            if let range = received.range(of: text) {
                received = String(received[range.upperBound...])
                return true
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
        }
        return false
    }
}
