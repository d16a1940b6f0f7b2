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

    /// Moves the text to `spill` when it takes it.
    mutating func spill(to spill: TextSpill) {
        guard case .string(var string) = storage, !string.isEmpty, let extent = spill.store(&string) else { return }
        storage = .spilled(spill, extent)
    }

    static func == (a: SpillableText, b: SpillableText) -> Bool { a.string == b.string }
    func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
