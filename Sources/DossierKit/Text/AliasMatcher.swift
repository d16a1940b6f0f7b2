/// Finds registered aliases in text in one pass: a byte trie over the aliases' UTF-8
/// (NFC, ASCII letters folded to lower case), walked from each word start. Where
/// aliases overlap the longest wins; matches never start or end inside a word.
/// Cost grows with the text, not with the number of aliases.
public struct AliasMatcher: Sendable {
    /// One distinct alias text and the entities that carry it (more than one: ambiguous).
    public struct Alias: Sendable, Hashable {
        public var text: String
        public var entities: [EntityIndex]
        public var isAmbiguous: Bool { entities.count > 1 }
    }

    public struct Match: Sendable, Hashable {
        /// Byte range in the searched text.
        public var start: Int
        public var end: Int
        public var alias: Int32
    }

    public let aliases: [Alias]

    // Trie in flat arrays: node n's edges are edgeByte/edgeTarget[edgeStart[n]..<edgeStart[n+1]].
    private let edgeStart: [Int32]
    private let edgeByte: [UInt8]
    private let edgeTarget: [Int32]
    private let terminal: [Int32]  // alias index ending at node, or -1
    // Bits set for the first two scalars of each alias (or its only one): a word start whose
    // pair is not set starts no alias, and the trie is not walked (most word starts).
    private let starts: [UInt64]
    static let startBits = 1 << 16
    // Nodes with many edges (the root, the bytes that start a Devanagari letter) also have a
    // table by byte: node n's is dense[denseStart[n]...], or denseStart[n] is -1. A node
    // whose edges are all UTF-8 continuation bytes (80–BF) has a 64-entry table from 80,
    // others 256 entries from 0: small tables keep the walk in the cache.
    private let denseStart: [Int32]
    private let denseBase: [UInt8]
    private let dense: [Int32]
    static let denseThreshold = 4

    /// Builds the matcher from every entity's aliases and canonical name.
    public init(registry: Registry) {
        var entries: [String: [EntityIndex]] = [:]
        for (index, entity) in registry.entities.enumerated() {
            var names = entity.aliases
            names.append(TextNormalization.nfc(entity.name))
            for name in names where !name.isEmpty {
                let key = AliasMatcher.foldASCII(TextNormalization.collapsingWhitespace(name))
                var list = entries[key, default: []]
                if !list.contains(EntityIndex(index)) { list.append(EntityIndex(index)) }
                entries[key] = list
            }
        }
        self.init(aliases: entries.keys.sorted().map { Alias(text: $0, entities: entries[$0]!) })
    }

    public init(aliases: [Alias]) {
        self.aliases = aliases
        var starts = [UInt64](repeating: 0, count: AliasMatcher.startBits / 64)
        for alias in aliases {
            var scalars = alias.text.unicodeScalars.makeIterator()
            guard let first = scalars.next() else { continue }
            let bit = AliasMatcher.startBit(first.value, scalars.next()?.value)
            starts[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.starts = starts
        // Build with dictionaries, then flatten.
        var children: [[UInt8: Int32]] = [[:]]
        var terminal: [Int32] = [-1]
        for (aliasIndex, alias) in aliases.enumerated() {
            var node: Int32 = 0
            for byte in alias.text.utf8 {
                if let next = children[Int(node)][byte] {
                    node = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    terminal.append(-1)
                    children[Int(node)][byte] = next
                    node = next
                }
            }
            terminal[Int(node)] = Int32(aliasIndex)
        }
        var edgeStart: [Int32] = [0]
        var edgeByte: [UInt8] = []
        var edgeTarget: [Int32] = []
        for edges in children {
            for (byte, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeByte.append(byte)
                edgeTarget.append(target)
            }
            edgeStart.append(Int32(edgeByte.count))
        }
        var denseStart = [Int32](repeating: -1, count: children.count)
        var denseBase = [UInt8](repeating: 0, count: children.count)
        var dense: [Int32] = []
        for (node, edges) in children.enumerated() where edges.count > AliasMatcher.denseThreshold {
            let continuation = edges.keys.allSatisfy { (0x80...0xBF).contains($0) }
            let base = continuation ? 0x80 : 0
            denseStart[node] = Int32(dense.count)
            denseBase[node] = UInt8(base)
            var table = [Int32](repeating: -1, count: continuation ? 64 : 256)
            for (byte, target) in edges { table[Int(byte) - base] = target }
            dense += table
        }
        self.edgeStart = edgeStart
        self.edgeByte = edgeByte
        self.edgeTarget = edgeTarget
        self.terminal = terminal
        self.denseStart = denseStart
        self.denseBase = denseBase
        self.dense = dense
    }

    /// The bit of a word start: its first scalar and the next (nil at the end of the text).
    /// Aliases are stored with ASCII letters in lower case, so text scalars are folded too.
    @inline(__always)
    static func startBit(_ first: UInt32, _ second: UInt32?) -> Int {
        func fold(_ value: UInt32) -> UInt32 { value >= 65 && value <= 90 ? value + 32 : value }
        let pair = fold(first) &* 0x9E37_79B1 ^ (second.map(fold) ?? 0xFFFF_FFFF) &* 0x85EB_CA77
        return Int((pair ^ (pair >> 15)) & UInt32(startBits - 1))
    }

    static func foldASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) else { return text }
        return String(decoding: text.utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
    }

    /// Non-overlapping whole-word matches in UTF-8 `bytes`, left to right, longest first.
    public func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [Match] {
        guard aliases.count > 0 else { return [] }
        // The walk reads the trie through raw buffers: array accesses in the loop cost as
        // much as the walk itself.
        return starts.withUnsafeBufferPointer { starts in
            denseStart.withUnsafeBufferPointer { denseStart in
            denseBase.withUnsafeBufferPointer { denseBase in
            dense.withUnsafeBufferPointer { dense in
                edgeStart.withUnsafeBufferPointer { edgeStart in
                    edgeByte.withUnsafeBufferPointer { edgeByte in
                        edgeTarget.withUnsafeBufferPointer { edgeTarget in
                            terminal.withUnsafeBufferPointer { terminal in
                                Walk(starts: starts, denseStart: denseStart, denseBase: denseBase, dense: dense, edgeStart: edgeStart,
                                     edgeByte: edgeByte, edgeTarget: edgeTarget, terminal: terminal).matches(in: bytes)
                            }
                        }
                    }
                }
            }
            }
            }
        }
    }

    public func matches(in text: String) -> [Match] {
        var copy = text
        return copy.withUTF8 { matches(in: $0) }
    }
}

/// The trie's arrays as raw buffers, for one search.
private struct Walk {
    let starts: UnsafeBufferPointer<UInt64>
    let denseStart: UnsafeBufferPointer<Int32>
    let denseBase: UnsafeBufferPointer<UInt8>
    let dense: UnsafeBufferPointer<Int32>
    let edgeStart: UnsafeBufferPointer<Int32>
    let edgeByte: UnsafeBufferPointer<UInt8>
    let edgeTarget: UnsafeBufferPointer<Int32>
    let terminal: UnsafeBufferPointer<Int32>

    @inline(__always)
    func child(of node: Int32, _ byte: UInt8) -> Int32 {
        let table = denseStart[Int(node)]
        if table >= 0 {
            let base = denseBase[Int(node)]
            if base == 0 { return dense[Int(table) + Int(byte)] }
            return byte >= 0x80 && byte <= 0xBF ? dense[Int(table) + Int(byte - 0x80)] : -1
        }
        var low = Int(edgeStart[Int(node)])
        let high = Int(edgeStart[Int(node) + 1])
        while low < high {
            if edgeByte[low] == byte { return edgeTarget[low] }
            low += 1
        }
        return -1
    }

    func matches(in bytes: UnsafeBufferPointer<UInt8>) -> [AliasMatcher.Match] {
        var result: [AliasMatcher.Match] = []
        var position = 0
        let count = bytes.count
        var previousIsWord = false
        while position < count {
            let (value, length) = WordBoundary.scalar(at: position, in: bytes)
            let isWord = WordBoundary.isWordScalar(value)
            if isWord && !previousIsWord, mayStart(at: position, first: value, length: length, in: bytes),
               let match = longestMatch(at: position, in: bytes) {
                result.append(match)
                position = match.end
                // The scalar before the next position is the match's last one.
                previousIsWord = !WordBoundary.isWordBoundary(before: position, in: bytes)
                continue
            }
            previousIsWord = isWord
            position += length
        }
        return result
    }

    /// Whether some alias starts with the scalar at `position` and the one after it (or
    /// consists of that scalar alone).
    @inline(__always)
    func mayStart(at position: Int, first: UInt32, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isSet(_ bit: Int) -> Bool { starts[bit >> 6] & (1 << UInt64(bit & 63)) != 0 }
        if isSet(AliasMatcher.startBit(first, nil)) { return true }
        guard position + length < bytes.count else { return false }
        return isSet(AliasMatcher.startBit(first, WordBoundary.scalar(at: position + length, in: bytes).0))
    }

    func longestMatch(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> AliasMatcher.Match? {
        var node: Int32 = 0
        var best: AliasMatcher.Match?
        var index = start
        while index < bytes.count {
            var byte = bytes[index]
            if byte >= 65 && byte <= 90 { byte += 32 }
            let next = child(of: node, byte)
            guard next >= 0 else { break }
            node = next
            index += 1
            let alias = terminal[Int(node)]
            if alias >= 0 && WordBoundary.isWordBoundary(after: index, in: bytes) {
                best = AliasMatcher.Match(start: start, end: index, alias: alias)
            }
        }
        return best
    }
}
