/// The statements and figures of a dossier as JSON, for `dossier check --statements
/// --figures` and the evaluation (`eval/research_eval.py`): one object with a `statements`
/// and a `figures` array, entities by id, in article order then text order. A listing for
/// people and scripts, not one of the site's data files.
public enum ResearchListing {
    public static func json(_ analysis: Analysis, statements: Bool = true, figures: Bool = true) -> String {
        let registry = analysis.content.registry
        let articles = analysis.content.articles
        func id(_ entity: EntityIndex?) -> String { entity.map { JSON.quote(registry[$0].id) } ?? "null" }
        func ids(_ entities: [EntityIndex]) -> String { "[" + entities.map { id($0) }.joined(separator: ",") + "]" }
        var lines: [String] = []
        lines.append("{\"statements\": [")
        if statements {
            var rows: [String] = []
            for (article, annotation) in analysis.annotated.enumerated() {
                for statement in annotation.research.statements {
                    rows.append("{\"article\":\(JSON.quote(articles[article].id)),\"speaker\":\(id(statement.speaker)),"
                        + "\"with\":\(ids(statement.coSpeakers)),\"via\":\(id(statement.via)),\"kind\":\"\(statement.kind.rawValue)\","
                        + "\"attribution\":\"\(statement.attribution.rawValue)\",\"text\":\(JSON.quote(statement.text)),"
                        + "\"sentence\":\(JSON.quote(annotation.tableSentence(Int(statement.sentenceNumber)))),"
                        + "\"annotated\":\(Int(statement.sentenceNumber) < annotation.sentences.count ? String(statement.sentenceNumber) : "null"),"
                        + "\"range\":[\(statement.range.lowerBound),\(statement.range.upperBound)],"
                        + "\"anchor\":\(statement.anchor.map { String($0) } ?? "null")}")
                }
            }
            lines.append(rows.joined(separator: ",\n"))
        }
        lines.append("], \"figures\": [")
        if figures {
            var rows: [String] = []
            for (article, annotation) in analysis.annotated.enumerated() {
                for figure in annotation.research.figures {
                    let value = figure.value.map(Figure.decimal) ?? "null"
                    rows.append("{\"article\":\(JSON.quote(articles[article].id)),\"claimant\":\(id(figure.claimant)),"
                        + "\"number\":\(JSON.quote(figure.number)),\"value\":\(value),\"approximate\":\(figure.approximate),"
                        + "\"unit\":\(JSON.quote(figure.unit)),\"subject\":\"\(figure.subject.rawValue)\","
                        + "\"sentence\":\(JSON.quote(annotation.tableSentence(Int(figure.sentenceNumber)))),\"entities\":\(ids(figure.entities)),"
                        + "\"range\":[\(figure.range.lowerBound),\(figure.range.upperBound)]}")
                }
            }
            lines.append(rows.joined(separator: ",\n"))
        }
        lines.append("]}")
        return lines.joined(separator: "\n")
    }
}
