import ArgumentParser
import DossierKit
import Foundation

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn raw news pages into articles: content/articles/<id>.md, raw copy in content/raw/.",
        discussion: """
            Boilerplate is removed by the rules in CONTENT/import-rules.yml (what a researcher forces), \
            then every other line is judged by general evidence: running text in the article's language \
            (length, sentence ends, share of function words) or a label, timestamp, byline, credit, \
            menu, share bar, Latin-script interface string, teaser, or a line the same outlet prints on \
            most of its pages (learnt from its other pages imported together or in CONTENT/raw/). \
            --explain prints every line left out as FILE:LINE: REASON: "TEXT", and what was kept. What a page does not \
            say (often the year) comes from --date, --source and --url, or is left out with a warning. \
            A page whose date cannot be read (and no --date given) is written as a draft (draft: true), \
            which builds leave out until it has a date.
            """)

    @Argument(help: "Raw page files (UTF-8 text).")
    var files: [String]

    @Option(help: "The content folder (articles/, raw/, entities/, import-rules.yml).")
    var content = "content"

    @Option(help: "Publication date, YYYY-MM-DD; or YYYY to complete a day and month the page gives without a year.")
    var date: String?

    @Option(help: "The outlet, written as source:.")
    var source: String?

    @Option(help: "The article's original address.")
    var url: String?

    @Flag(help: "Print what would be written; write nothing.")
    var dryRun = false

    @Flag(help: "Replace an article imported before from the same raw file.")
    var force = false

    @Flag(help: "Print every line left out of each article, with its line number and reason, and what was kept (use with --dry-run).")
    var explain = false

    @Flag(name: .shortAndLong, help: "No progress line (shown on a terminal only, below each file's line).")
    var quiet = false

    func run() throws {
        let request = ImportRequest(files: files, content: content,
                                    options: ImportOptions(date: date, source: source, url: url),
                                    dryRun: dryRun, force: force)
        let meter = BuildProgress()
        meter.begin("importing pages", total: files.count)
        let display = ProgressDisplay(meter, enabled: !quiet && files.count > 1)
        let report = ImportRun.run(request) { outcome in
            var lines = [ImportCommand.progressLine(outcome)]
            for diagnostic in outcome.diagnostics { lines.append("  " + diagnostic.description) }
            if explain {
                for line in ImportExplanation.lines(file: outcome.file, decisions: outcome.lines) { lines.append("  " + line) }
            }
            if dryRun, let text = outcome.text { lines.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { "  | " + $0 }.joined(separator: "\n")) }
            display.print(lines.joined(separator: "\n"))
            meter.advance()
        }
        display.stop()
        for diagnostic in report.diagnostics { Terminal.status(diagnostic.description) }
        let done = dryRun ? report.count(.wouldWrite) : report.count(.written)
        var parts = ["\(dryRun ? "would import" : "imported") \(done) of \(files.count) file\(files.count == 1 ? "" : "s")"]
        if report.count(.refused) > 0 { parts.append("\(report.count(.refused)) refused") }
        if report.count(.failed) > 0 || (report.outcomes.isEmpty && !files.isEmpty) {
            parts.append("\(max(report.count(.failed), files.count - report.outcomes.count)) failed")
        }
        parts.append("\(report.warningCount) warning\(report.warningCount == 1 ? "" : "s")")
        print(parts.joined(separator: ", ") + (dryRun ? "; nothing written" : ""))
        if !report.succeeded { throw ExitCode(1) }
    }

    static func progressLine(_ outcome: ImportOutcome) -> String {
        let name = (outcome.file as NSString).lastPathComponent
        switch outcome.status {
        case .failed:
            return "\(name): failed, nothing written"
        case .refused:
            return "\(name): refused, nothing written"
        case .written, .wouldWrite:
            guard let article = outcome.article, let path = outcome.articlePath else { return name }
            let verb = outcome.status == .written ? (outcome.replaces ? "replaced" : "wrote") : (outcome.replaces ? "would replace" : "would write")
            let facts = [article.date ?? "no date", article.source ?? "no source", article.place, article.draft ? "draft" : nil].compactMap { $0 }
            var line = "\(name): \(verb) \(path) (\(facts.joined(separator: ", ")), \(article.paragraphs.count) paragraph\(article.paragraphs.count == 1 ? "" : "s"))"
            if !article.possibleMeetings.isEmpty {
                line += "\n  may report meeting \(article.possibleMeetings.joined(separator: ", ")): add meetings: [...] by hand if so"
            }
            return line
        }
    }
}
