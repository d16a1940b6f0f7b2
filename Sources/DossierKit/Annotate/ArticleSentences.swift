/// An article's sentences that hold mentions, in document order: as Strings, or, once a large
/// build has made the article's page, in the build's `TextSpill`, with where each ends
/// (a page that shows one reads it back).
public struct ArticleSentences: RandomAccessCollection, Hashable, ExpressibleByArrayLiteral, Sendable {
    private enum Storage: Sendable {
        case strings([String])
        /// The sentences' bytes one after another from `offset`; `ends[i]` is where sentence i ends.
        case spilled(TextSpill, offset: Int64, ends: [UInt32])
        /// Read back from a spill: the same bytes, in memory.
        case bytes([UInt8], ends: [UInt32])
    }

    private var storage: Storage

    public init(_ strings: [String]) { storage = .strings(strings) }
    public init(arrayLiteral elements: String...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int {
        switch storage {
        case .strings(let strings): strings.count
        case .spilled(_, _, let ends), .bytes(_, let ends): ends.count
        }
    }

    public subscript(position: Int) -> String {
        switch storage {
        case .strings(let strings):
            return strings[position]
        case .spilled(let spill, let offset, let ends):
            let range = Self.range(of: position, ends)
            return spill.read(at: offset + Int64(range.lowerBound), count: range.count)
        case .bytes(let bytes, let ends):
            return String(decoding: bytes[Self.range(of: position, ends)], as: UTF8.self)
        }
    }

    /// Where sentence `position` is among the bytes that `ends` cut.
    private static func range(of position: Int, _ ends: [UInt32]) -> Range<Int> {
        (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
    }

    /// Calls `body` with the UTF-8 of sentence `position`: for a writer of bytes, which then
    /// need not be made a String again after a read.
    func withUTF8<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .strings(let strings):
            var text = strings[position]
            return text.withUTF8(body)
        case .spilled:
            var text = self[position]
            return text.withUTF8(body)
        case .bytes(let bytes, let ends):
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[Self.range(of: position, ends)])) }
        }
    }

    /// Bytes of UTF-8 in sentence `position`, without reading it back.
    func byteCount(_ position: Int) -> Int {
        switch storage {
        case .strings(let strings):
            return strings[position].utf8.count
        case .spilled(_, _, let ends), .bytes(_, let ends):
            return Self.range(of: position, ends).count
        }
    }

    /// Whether they are in a spill (and `inMemory()` reads them back).
    var isSpilled: Bool {
        if case .spilled = storage { return true }
        return false
    }

    /// The same sentences in memory, read back in one read when spilled: for a reader of
    /// many of one article's sentences (the data tables).
    func inMemory() -> ArticleSentences {
        guard case .spilled(let spill, let offset, let ends) = storage, let total = ends.last else { return self }
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(total)) { buffer, count in
            spill.fill(UnsafeMutableRawBufferPointer(buffer), from: offset)
            count = Int(total)
        }
        var copy = self
        copy.storage = .bytes(bytes, ends: ends)
        return copy
    }

    /// Moves the sentences to `spill` when it takes them. They stay as they are when it
    /// does not (under its threshold), when it cannot be written, or when there are too many
    /// bytes for the offsets.
    mutating func spill(to spill: TextSpill) {
        guard case .strings(let strings) = storage, !strings.isEmpty else { return }
        let total = strings.reduce(0) { $0 + $1.utf8.count }
        guard total <= UInt32.max, spill.keepsOut(total) else { return }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(total)
        var ends: [UInt32] = []
        ends.reserveCapacity(strings.count)
        for var sentence in strings {
            sentence.withUTF8 { bytes.append(contentsOf: $0) }
            ends.append(UInt32(bytes.count))
        }
        guard let offset = bytes.withUnsafeBytes({ spill.append($0) }) else { return }
        storage = .spilled(spill, offset: offset, ends: ends)
    }

    public static func == (a: ArticleSentences, b: ArticleSentences) -> Bool { a.elementsEqual(b) }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(count)
        for sentence in self { hasher.combine(sentence) }
    }
}
