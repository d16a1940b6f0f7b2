import Synchronization

/// The network drawings of the last build, for a preview rebuild to reuse: laying out a
/// network and drawing it was most of rendering an entity's first page, and an edit leaves
/// most of the networks it reaches as they were (an entity of the edited article whose
/// co-mentions did not change). A drawing is reused only for an equal network drawn the
/// same way, so the page is the one a full build makes. One per entity (and one for the
/// dossier's network), replaced when its network changes: the memory is bounded by the
/// registry, however long the session.
final class NetworkDrawings: Sendable {
    struct Key: Sendable, Hashable {
        var network: CoMentionNetwork
        var root: String
        var size: NetworkSVG.Size
        var centred: Bool
        var label: String
    }

    /// The dossier's network, beside the entities' (which are their indices).
    static let dossier: Int32 = -1

    private let drawings: Mutex<[Int32: (key: Key, svg: String?)]>

    /// Starting from `previous`'s drawings (which it does not change).
    init(from previous: NetworkDrawings? = nil) {
        drawings = Mutex(previous?.drawings.withLock { $0 } ?? [:])
    }

    /// `slot`'s drawing of `key`: the last one when it drew the same, otherwise `draw()`.
    func drawing(_ slot: Int32, _ key: Key, draw: () -> String?) -> String? {
        if let kept = drawings.withLock({ $0[slot] }), kept.key == key { return kept.svg }
        let svg = draw()
        drawings.withLock { $0[slot] = (key, svg) }
        return svg
    }

    var count: Int { drawings.withLock { $0.count } }
}
