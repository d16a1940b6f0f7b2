/// The `figurerow` template's view: one figure as a row of a table of claims.
struct FigureRowView: Encodable {
    /// As written (`10,000`).
    var number: String
    var unit: String
    var approximate: Bool
    var url: String
    var title: String
    var date: String
    var dateDisplay: String
    var subject: String
    var source: String?
    /// The claimant's chip (HTML).
    var claimant: String?
    /// On a subject's page: the sentence that gives the figure.
    var sentence: String?
}
