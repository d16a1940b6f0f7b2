import ArgumentParser
import DossierKit
import Foundation

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the dossier as one SQLite database (for Datasette or the sqlite3 shell).",
        discussion: "Tables: articles, entities, aliases, meetings, participants, meeting_countries, article_meetings, sentences, mentions; sentences_fts is a full-text index of the sentences.")

    @Option(help: "The database file to write (replaced whole when the export succeeds).")
    var sqlite: String

    @OptionGroup var paths: Paths

    func run() throws {
        let analysis = SiteBuilder.analyse(contentDirectory: paths.content)
        if analysis.hasErrors {
            for diagnostic in analysis.diagnostics where diagnostic.severity == .error { Terminal.status(diagnostic.description) }
            Terminal.status("export failed; \(sqlite) was not written (dossier check lists every problem)")
            throw ExitCode(1)
        }
        do {
            let mentions = try DossierExport.sqlite(analysis, to: sqlite)
            print("exported \(analysis.content.articles.count) articles, \(analysis.content.registry.entities.count) entities, \(mentions) mentions to \(sqlite)")
        } catch {
            Terminal.status("error: \(error)")
            throw ExitCode(1)
        }
    }
}
