/// A text that a large build may move to its `TextSpill` (a statement's words): a String
/// until then, read back when asked for. Equal when the texts are.
struct SpillableText: Sendable, Hashable {
    private enum Storage: Sendable {
        case string(String)
        case spilled(TextSpill, TextSpill.Extent)
    }

    private var storage: Storage

    init(_ string: String) { storage = .string(string) }

    var string: String {
        switch storage {
        case .string(let string): string
        case .spilled(let spill, let extent): spill.read(extent)
        }
    }

    var isSpilled: Bool {
        if case .spilled = storage { return true }
        return false
    }

    /// Texts written to `spill` together, in one write: each keeps its part.
    static func spill(_ texts: inout [SpillableText], to spill: TextSpill) {
        var bytes: [UInt8] = []
        for text in texts {
            guard case .string(var string) = text.storage else { return }
            string.withUTF8 { bytes.append(contentsOf: $0) }
        }
        guard !bytes.isEmpty, spill.keepsOut(bytes.count), let offset = bytes.withUnsafeBytes({ spill.append($0) }) else { return }
        var start = offset
        for index in texts.indices {
            let count = texts[index].string.utf8.count
            texts[index].storage = .spilled(spill, TextSpill.Extent(offset: start, count: count))
            start += Int64(count)
        }
    }

    /// `texts` in memory, those spilled together (`spill(_:to:)`) read back in one read.
    static func inMemory(_ texts: [SpillableText]) -> [SpillableText] {
        var extents: [TextSpill.Extent] = []
        var source: TextSpill?
        for text in texts {
            guard case .spilled(let spill, let extent) = text.storage else { return texts }
            guard extents.isEmpty || extents.last!.offset + Int64(extents.last!.count) == extent.offset else { return texts.map { SpillableText($0.string) } }
            source = spill
            extents.append(extent)
        }
        guard let source, let first = extents.first, let last = extents.last else { return texts }
        let total = Int(last.offset - first.offset) + last.count
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { buffer, count in
            source.fill(UnsafeMutableRawBufferPointer(buffer), from: first.offset)
            count = total
        }
        return extents.map { extent in
            let start = Int(extent.offset - first.offset)
            return SpillableText(String(decoding: bytes[start..<start + extent.count], as: UTF8.self))
        }
    }

    static func == (a: SpillableText, b: SpillableText) -> Bool { a.string == b.string }
    func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
