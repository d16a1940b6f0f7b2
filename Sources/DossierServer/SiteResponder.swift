import DossierKit
import Foundation
import Hummingbird
import NIOCore
import Synchronization

/// Answers requests from the current site snapshot: files with their content type,
/// `index.html` for folders, ETag and 304, HEAD, the site's own 404 page, the live
/// reload script in every HTML page, and the Server-Sent Events endpoint. Nothing
/// outside the site is ever read.
public struct SiteResponder: HTTPResponder {
    public typealias Context = BasicRequestContext

    public static let eventsPath = "/__dossier/events"

    let current: @Sendable () -> SiteSnapshot
    let liveReload: LiveReload

    public init(current: @escaping @Sendable () -> SiteSnapshot, liveReload: LiveReload) {
        self.current = current
        self.liveReload = liveReload
    }

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = String(request.uri.description.split(separator: "?", maxSplits: 1).first ?? "/")
        if rawPath == SiteResponder.eventsPath { return events() }
        let snapshot = current()
        switch SitePath.resolve(rawPath, isFolder: { SiteResponder.isFolder($0, in: snapshot) }) {
        case .refused:
            return Response(status: .badRequest, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "bad path\n")))
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location])
        case .file(let path):
            if let response = serve(path, from: snapshot, request: request, status: .ok) { return response }
            return serve("404.html", from: snapshot, request: request, status: .notFound, conditional: false)
                ?? Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(string: "not found\n")))
        }
    }

    /// A folder of the site: one with files under it in the snapshot's folder.
    static func isFolder(_ path: String, in snapshot: SiteSnapshot) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: snapshot.root + "/" + path, isDirectory: &isFolder) && isFolder.boolValue
    }

    func serve(_ path: String, from snapshot: SiteSnapshot, request: Request, status: HTTPResponse.Status,
               conditional: Bool = true) -> Response? {
        guard var bytes = read(path, from: snapshot) else { return nil }
        let type = ContentTypes.forPath(path)
        let tag = "\"\(ETag.of(bytes))\""
        var headers: HTTPFields = [.contentType: type, .eTag: tag, .cacheControl: "no-cache"]
        if conditional, status == .ok, let match = request.headers[.ifNoneMatch],
           match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0.trimmingCharacters(in: .whitespaces) == "*" }) {
            return Response(status: .notModified, headers: headers)
        }
        if type.hasPrefix("text/html") { bytes = SiteResponder.injectingLiveReload(bytes) }
        headers[.contentLength] = String(bytes.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The bytes of a site file. A file on disk must resolve (through any links) to a
    /// regular file inside the site's folder.
    func read(_ path: String, from snapshot: SiteSnapshot) -> [UInt8]? {
        switch snapshot.source(of: path) {
        case .memory(let bytes): return bytes
        case .file(let file):
            guard let real = realpath(file, nil) else { return nil }
            defer { free(real) }
            guard let root = realpath(snapshot.root, nil) else { return nil }
            defer { free(root) }
            let resolved = String(cString: real), base = String(cString: root) + "/"
            guard resolved.hasPrefix(base) else { return nil }
            var info = stat()
            guard stat(resolved, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
            return FileManager.default.contents(atPath: resolved).map { [UInt8]($0) }
        case nil: return nil
        }
    }

    static func injectingLiveReload(_ bytes: [UInt8]) -> [UInt8] {
        let script = Array(LiveReload.script.utf8)
        let marker = Array("</body>".utf8)
        if let position = lastIndex(of: marker, in: bytes) {
            return Array(bytes[..<position]) + script + Array(bytes[position...])
        }
        return bytes + script
    }

    static func lastIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        var index = haystack.count - needle.count
        while index >= 0 {
            if haystack[index] == needle[0] && Array(haystack[index..<(index + needle.count)]) == needle { return index }
            index -= 1
        }
        return nil
    }

    func events() -> Response {
        let stream = liveReload.subscribe()
        let body = ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\n: connected\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: event.serverSentEvent))
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"], body: body)
    }
}

/// A short, stable tag of some bytes (FNV-1a, 64 bits) for ETag.
enum ETag {
    static func of(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16) + "-" + String(bytes.count, radix: 16)
    }
}
