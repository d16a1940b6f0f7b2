import Foundation
import Testing
@testable import DossierKit

/// The theme's contract: the templates `TemplateName` lists are what the README's Themes
/// section lists, what the default theme has, and what a theme is refused without.
@Suite struct ThemeContractTests {
    @Test func readmeListsEveryTemplateTheBuildRenders() throws {
        let readme = try String(contentsOfFile: repositoryRoot + "/README.md", encoding: .utf8)
        #expect(readme.contains(TemplateName.markdownTable), "paste this into README.md's Themes section:\n\(TemplateName.markdownTable)")
    }

    @Test func theDefaultThemeHasEveryTemplateAndAThemeWithoutOneIsRefused() throws {
        let theme = try Theme.load(directory: repositoryRoot + "/templates").get()
        #expect(Set(TemplateName.allCases.map(\.rawValue)).isSubset(of: Set(theme.names)))
        let copy = temporaryFolder("theme-contract") + "/templates"
        defer { try? FileManager.default.removeItem(atPath: (copy as NSString).deletingLastPathComponent) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: copy)
        try FileManager.default.removeItem(atPath: copy + "/preview.mustache")
        guard case .failure(let errors) = Theme.load(directory: copy) else {
            Issue.record("a theme without preview.mustache loaded")
            return
        }
        #expect(errors.diagnostics.map(\.description).contains { $0.contains("preview.mustache") && $0.contains("missing template \"preview\"") })
    }
}
