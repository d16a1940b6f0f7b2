import ArgumentParser
import DossierKit
import DossierServer
import Foundation

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on a local address, and rebuild and reload open pages on every saved change.")

    @OptionGroup var paths: Paths

    @Option(help: "Where the first full build is written; later rebuilds are served from memory.")
    var output = "public"

    @Flag(help: "Replace the contents of an output folder that no build wrote (hidden files and CNAME are kept).")
    var clean = false

    @Flag(help: "Build and serve the articles marked draft: true too (those with a date).")
    var drafts = false

    @Option(help: "Address to listen on. Requests must name it, 127.0.0.1, localhost or [::1] as their Host.")
    var host = "127.0.0.1"

    @Option(help: "Port to listen on (0: any free port).")
    var port = 8000

    func run() async throws {
        let build = BuildOptions(content: paths.content, templates: paths.templates, output: output, clean: clean, drafts: drafts)
        let server: PreviewServer
        do {
            Terminal.status("building \(paths.content) …")
            server = try PreviewServer(options: ServeOptions(build: build, host: host, port: port)) { Terminal.status($0) }
        } catch let errors as ContentErrors {
            Terminal.status(errors.description)
            Terminal.status("fix these and run dossier serve again")
            throw ExitCode(1)
        } catch let refusal as OutputRefusal {
            Terminal.status("error: \(refusal)")
            throw ExitCode(1)
        }
        do {
            try await server.run { bound in
                let shown = host.contains(":") ? "[\(host)]" : host
                // Written unbuffered: a script waiting for this line must see it at once.
                FileHandle.standardOutput.write(Data("serving http://\(shown):\(bound)/ (watching \(paths.content)/ and \(paths.templates)/; Ctrl-C to stop)\n".utf8))
            }
        } catch let error as ServeError {
            Terminal.status("error: \(error)")
            throw ExitCode(1)
        }
    }
}
