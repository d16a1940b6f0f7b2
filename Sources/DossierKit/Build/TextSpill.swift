#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization

/// A temporary file that holds a large build's text out of memory: each article's body from
/// when it is read until it is annotated, and the sentences that hold mentions once the
/// article's page is made (memory keeps where each is; a page that shows one reads it back).
/// Bodies are 830 MB and those sentences 620 MB at 100,000 benchmark articles, and the
/// entity pages need every sentence until the last is written. The first `threshold` bytes
/// offered stay in memory, so a small dossier never touches the file. The file is unlinked
/// as soon as it is made, so it goes with the process however that ends; reads and writes at
/// offsets are safe from any thread.
final class TextSpill: Sendable {
    /// Where some bytes are in the file.
    struct Extent: Sendable, Hashable {
        var offset: Int64
        var count: Int
    }

    private let descriptor: Int32
    /// Bytes reserved so far: each append takes its range, then writes it.
    private let end = Atomic<Int64>(0)
    private let threshold: Int
    /// Bytes offered to `keepsOut` so far.
    private let offered = Atomic<Int>(0)

    /// Nil when no temporary file can be made (the build then keeps its text in memory).
    init?(threshold: Int, directory: String = NSTemporaryDirectory()) {
        self.threshold = threshold
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast())
        template += Array("dossier-text-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard made >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = made
    }

    deinit { close(descriptor) }

    /// Writes `bytes` at the end; returns their offset, or nil when the write failed.
    func append(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let offset = end.wrappingAdd(Int64(bytes.count), ordering: .relaxed).oldValue
        var done = 0
        while done < bytes.count {
            let written = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset) + off_t(done))
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return nil }
            done += written
        }
        return offset
    }

    /// `count` bytes from `offset`, which an append returned (so they are whole UTF-8).
    func read(at offset: Int64, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            fill(UnsafeMutableRawBufferPointer(buffer), from: offset)
            return count
        }
    }

    func fill(_ buffer: UnsafeMutableRawBufferPointer, from offset: Int64) {
        var done = 0
        while done < buffer.count {
            let read = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset) + off_t(done))
            if read < 0 && errno == EINTR { continue }
            // The file is this process's own, written before: failing to read it back is the
            // machine's fault (an I/O error), and no page can be made without it.
            guard read > 0 else { fatalError("dossier: the temporary file of article text could not be read back (errno \(errno))") }
            done += read
        }
    }

    /// Whether `bytes` more of text should go to the file: once more than `threshold` bytes
    /// have been offered in all.
    func keepsOut(_ bytes: Int) -> Bool {
        offered.wrappingAdd(bytes, ordering: .relaxed).newValue > threshold
    }

    /// Writes `text` and returns where, or nil when it stays in memory (not past the
    /// threshold yet, or the write failed).
    func store(_ text: inout String) -> Extent? {
        guard keepsOut(text.utf8.count) else { return nil }
        return text.withUTF8 { bytes in
            append(UnsafeRawBufferPointer(bytes)).map { Extent(offset: $0, count: bytes.count) }
        }
    }

    func read(_ extent: Extent) -> String { read(at: extent.offset, count: extent.count) }

    /// About 6,000 articles of news: below it a build keeps all its text in memory. Writing
    /// text out and reading it back took about 6% of the CPU of a 10,000-article build with
    /// 16 MB kept; with 48 MB the build's peak memory stayed the same (169 MB).
    static let standardThreshold = 48 << 20
}
