/// The `figuregroup` template's view: a subject's figures, how many, whether the articles
/// give different values and which; `rows` joined from `figurerow` (HTML). The figures
/// index lists subjects without rows.
struct FigureGroupView: Encodable {
    var subject: String
    var url: String
    var count: Int
    var articleCount: Int
    var differs: Bool?
    /// The values the articles give, when they differ.
    var values: String?
    var rows: String?
    /// How many rows are shown, when not all are.
    var shown: Int?
}
