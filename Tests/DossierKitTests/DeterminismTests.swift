import Foundation
import Testing
@testable import DossierKit

/// The same content builds to the same bytes wherever it lies and whenever it is built:
/// no path, clock or file order reaches the output (dates come from the content).
@Suite struct DeterminismTests {
    @Test func copiesInOtherFoldersBuiltAtOtherTimesAreByteIdentical() throws {
        let root = temporaryFolder("determinism")
        defer { try? FileManager.default.removeItem(atPath: root) }
        var manifests: [String] = []
        for (index, folder) in ["first/a", "second/b/c"].enumerated() {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try FileManager.default.copyItem(atPath: repositoryRoot + "/content", toPath: root + "/" + folder + "/content")
            try FileManager.default.copyItem(atPath: repositoryRoot + "/templates", toPath: root + "/" + folder + "/theme")
            // A second apart, so that anything taken from the clock would differ.
            if index > 0 { Thread.sleep(forTimeInterval: 1.1) }
            try SiteBuilder.build(BuildOptions(content: root + "/" + folder + "/content", templates: root + "/" + folder + "/theme",
                                               output: root + "/" + folder + "/site"))
            manifests.append(GoldenOutputTests.manifest(of: root + "/" + folder + "/site"))
        }
        #expect(manifests[0].split(separator: "\n").count > 20)
        #expect(manifests[0] == manifests[1])
        // And byte for byte, not only by hash.
        for line in manifests[0].split(separator: "\n") {
            let path = String(line.split(separator: " ")[0])
            #expect(FileManager.default.contentsEqual(atPath: root + "/first/a/site/" + path, andPath: root + "/second/b/c/site/" + path), "\(path)")
        }
    }
}
