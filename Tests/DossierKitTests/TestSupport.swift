import Foundation
@testable import DossierKit

/// The repository root (for the seed content and the default theme).
let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The default theme (templates/), loaded once.
let defaultTheme: Theme = {
    guard case .success(let theme) = Theme.load(directory: repositoryRoot + "/templates") else { fatalError("the default theme does not load") }
    return theme
}()

extension AnnotatedArticle {
    /// The body as its article page shows it: each mention's markers made the default theme's link.
    func linkedHTML(_ registry: Registry) -> String {
        MentionMarkup(theme: defaultTheme, registry: registry, root: Fragments.pageRoot).html(bodyHTML)
    }
}

/// A fresh temporary folder, removed by the caller with `removeItem`.
func temporaryFolder(_ name: String = "dossier-test") -> String {
    let path = NSTemporaryDirectory() + "\(name)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A temporary folder holding a copy of the seed dossier (content/) and the default theme
/// (templates/), for tests that edit them; removed by the caller.
func seedWorkspace(_ name: String) throws -> String {
    let root = temporaryFolder(name)
    try FileManager.default.copyItem(atPath: repositoryRoot + "/content", toPath: root + "/content")
    try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: root + "/templates")
    return root
}

/// Runs a command found on PATH; its exit status and standard output (standard error is dropped).
func runCommand(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// Writes `files` (relative path → text) under `root`.
func writeFiles(_ files: [String: String], under root: String) {
    for (path, text) in files {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: true, encoding: .utf8)
    }
}

/// A small registry for annotation tests.
func registry(_ entities: [Entity]) -> Registry { Registry(entities) }

func person(_ id: String, _ name: String, _ aliases: [String]) -> Entity {
    Entity(kind: .person, id: id, name: name, aliases: aliases.map { TextNormalization.nfc($0) })
}

func country(_ id: String, _ name: String, _ aliases: [String]) -> Entity {
    Entity(kind: .country, id: id, name: name, aliases: aliases.map { TextNormalization.nfc($0) })
}

func article(_ body: String, title: String = "शीर्षक", id: String = "a1") -> Article {
    Article(id: id, title: title, date: "2024-11-30", body: body, file: "content/articles/\(id).md", bodyLine: 6)
}
