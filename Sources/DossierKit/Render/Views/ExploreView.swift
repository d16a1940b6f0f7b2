/// The `explore` template's view: the dossier's network, its strongest pairs, and every data part.
struct ExploreView: Encodable {
    /// The network (inline SVG).
    var network: String?
    var nodeCount: Int
    var entityCount: Int
    var pairs: [Pair]
    var articlesWhole: Bool
    var tables: [Table]

    /// Two entities (their chips, HTML) and how many sentences name both.
    struct Pair: Encodable {
        var a: String
        var b: String
        var count: Int
    }

    struct Table: Encodable {
        var name: String
        var rows: Int
        var count: Int
        var parts: [Part]
    }

    struct Part: Encodable {
        var number: Int
        var rows: Int
        var jsonl: String
        var csv: String
    }
}
