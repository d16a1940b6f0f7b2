/// An article's sentences that hold mentions, in document order: as Strings, or, once a large
/// build has made the article's page, in the build's `TextSpill`, with where each ends
/// (a page that shows one reads it back).
public struct ArticleSentences: RandomAccessCollection, Hashable, ExpressibleByArrayLiteral, Sendable {
    private enum Storage: Sendable {
        case strings([String])
        /// The sentences' bytes one after another from `offset`; `ends[i]` is where sentence i ends.
        case spilled(TextSpill, offset: Int64, ends: [UInt32])
        /// Read back from a spill: the bytes of the sentences in `window`, in memory (the
        /// others are read from the spill as before).
        case bytes([UInt8], ends: [UInt32], window: Range<Int>, spill: TextSpill, offset: Int64)
    }

    private var storage: Storage

    public init(_ strings: [String]) {
        storage = .strings(strings)
        endIndex = strings.count
    }
    public init(arrayLiteral elements: String...) { self.init(elements) }

    public var startIndex: Int { 0 }
    /// Kept beside the storage (which only moves the same sentences): reading it from the
    /// storage copied the storage, retaining its arrays, at every count.
    public let endIndex: Int
    public var count: Int { endIndex }

    public subscript(position: Int) -> String {
        switch storage {
        case .strings(let strings):
            return strings[position]
        case .spilled(let spill, let offset, let ends):
            let range = Self.range(of: position, ends)
            return spill.read(at: offset + Int64(range.lowerBound), count: range.count)
        case .bytes(let bytes, let ends, let window, let spill, let offset):
            guard let range = Self.range(of: position, ends, in: window) else {
                let range = Self.range(of: position, ends)
                return spill.read(at: offset + Int64(range.lowerBound), count: range.count)
            }
            return String(decoding: bytes[range], as: UTF8.self)
        }
    }

    /// Where sentence `position` is among the bytes that `ends` cut.
    private static func range(of position: Int, _ ends: [UInt32]) -> Range<Int> {
        (position == 0 ? 0 : Int(ends[position - 1]))..<Int(ends[position])
    }

    /// Where sentence `position` is among the bytes read back for `window`; nil outside it.
    private static func range(of position: Int, _ ends: [UInt32], in window: Range<Int>) -> Range<Int>? {
        guard window.contains(position) else { return nil }
        let base = window.lowerBound == 0 ? 0 : Int(ends[window.lowerBound - 1])
        let range = range(of: position, ends)
        return range.lowerBound - base..<range.upperBound - base
    }

    /// Calls `body` with the UTF-8 of sentence `position`: for a writer of bytes, which then
    /// need not be made a String again after a read.
    func withUTF8<R>(_ position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .strings(let strings):
            var text = strings[position]
            return text.withUTF8(body)
        case .bytes(let bytes, let ends, let window, _, _):
            if let range = Self.range(of: position, ends, in: window) {
                return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
            }
            var text = self[position]
            return text.withUTF8(body)
        case .spilled:
            var text = self[position]
            return text.withUTF8(body)
        }
    }

    /// Bytes of UTF-8 in sentence `position`, without reading it back.
    func byteCount(_ position: Int) -> Int {
        switch storage {
        case .strings(let strings):
            return strings[position].utf8.count
        case .spilled(_, _, let ends), .bytes(_, let ends, _, _, _):
            return Self.range(of: position, ends).count
        }
    }

    /// Whether some of them are read from a spill (and `inMemory()` reads them back).
    var isSpilled: Bool {
        switch storage {
        case .strings: false
        case .spilled: true
        case .bytes(_, _, let window, _, _): window != indices
        }
    }

    /// Where the sentences are in their spill.
    private var spilled: (TextSpill, offset: Int64, ends: [UInt32])? {
        switch storage {
        case .strings: nil
        case .spilled(let spill, let offset, let ends), .bytes(_, let ends, _, let spill, let offset): (spill, offset, ends)
        }
    }

    /// The same sentences in memory, read back in one read when spilled: for a reader of
    /// many of one article's sentences (the data tables).
    func inMemory() -> ArticleSentences { inMemory(indices) }

    /// The same, with the sentences from the lowest to the highest of `positions` read back
    /// in one read when spilled (`inMemory(_:)`).
    func inMemory(covering positions: some Sequence<Int>) -> ArticleSentences {
        var lowest = Int.max, highest = Int.min
        for position in positions {
            lowest = Swift.min(lowest, position)
            highest = Swift.max(highest, position)
        }
        return lowest <= highest ? inMemory(lowest..<highest + 1) : self
    }

    /// The same, with the sentences in `window` read back in one read when spilled: for a
    /// reader of several of them (an entity page's sentences from one article), which would
    /// otherwise make a read of each.
    func inMemory(_ window: Range<Int>) -> ArticleSentences {
        let window = window.clamped(to: indices)
        guard isSpilled, !window.isEmpty, let (spill, offset, ends) = spilled else { return self }
        let start = window.lowerBound == 0 ? 0 : Int(ends[window.lowerBound - 1]), end = Int(ends[window.upperBound - 1])
        let bytes = [UInt8](unsafeUninitializedCapacity: end - start) { buffer, count in
            spill.fill(UnsafeMutableRawBufferPointer(buffer), from: offset + Int64(start))
            count = end - start
        }
        var copy = self
        copy.storage = .bytes(bytes, ends: ends, window: window, spill: spill, offset: offset)
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
