import Foundation
import Testing
@testable import DossierKit

/// The progress line of a long build (issue 17): what it says, and that the pipeline counts
/// every article and every file it writes.
struct BuildProgressTests {
    typealias Snapshot = BuildProgress.Snapshot

    @Test func lineSaysTheStageHowFarTheTimeAndWhatIsLeft() {
        let snapshot = Snapshot(stage: "annotating articles", done: 4_200, total: 10_000, elapsed: .milliseconds(3_140), stageElapsed: .seconds(3))
        // 4,200 in 3 s: 5,800 more at that rate take about 4.1 s.
        #expect(snapshot.line == "annotating articles 4,200 of 10,000 (42%) · 3.1 s · about 4.1 s left")
        let uncounted = Snapshot(stage: "linking", done: 0, total: 0, elapsed: .seconds(75), stageElapsed: .seconds(2))
        #expect(uncounted.line == "linking · 1 min 15 s")
        #expect(uncounted.remaining == nil)
    }

    @Test func noEstimateUntilEnoughIsDone() {
        // 5 of 10,000 after 0.2 s: too early to say.
        #expect(Snapshot(stage: "s", done: 5, total: 10_000, elapsed: .zero, stageElapsed: .milliseconds(200)).remaining == nil)
        // After a second the rate is read: 100 in 1 s, 900 left, 9 s.
        #expect(Snapshot(stage: "s", done: 100, total: 1_000, elapsed: .zero, stageElapsed: .seconds(1)).remaining == .seconds(9))
        #expect(Snapshot(stage: "s", done: 1_000, total: 1_000, elapsed: .zero, stageElapsed: .seconds(1)).remaining == nil)
        #expect(Snapshot.seconds(.seconds(59.6)) == "1 min 00 s")
        #expect(Snapshot.seconds(.milliseconds(420)) == "0.4 s")
    }

    @Test func theSeedBuildCountsEveryArticleAndEveryFile() throws {
        let output = temporaryFolder("progress") + "/public"
        defer { try? FileManager.default.removeItem(atPath: (output as NSString).deletingLastPathComponent) }
        let options = BuildOptions(content: repositoryRoot + "/content", templates: repositoryRoot + "/templates", output: output)
        let meter = BuildProgress()
        let report = try SiteBuilder.build(options, meter: meter)
        let stages = meter.endedStages
        #expect(stages.map(\.stage) == ["starting", "loading content", "annotating articles", "linking", "writing pages and data"])
        #expect(meter.snapshot().stage == "replacing the output folder")
        let annotating = stages[2], writing = stages[4]
        #expect(annotating.total == report.articles && annotating.done == annotating.total)
        // Every file but the article pages (made while annotating) and the theme's assets (copied).
        #expect(writing.total > 100 && writing.done == writing.total)
        #expect(writing.total + report.articles < report.files)
    }

    @Test func aFolderPublishCountsEveryFile() throws {
        let root = try seedWorkspace("progress-publish")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try SiteBuilder.build(BuildOptions(content: root + "/content", templates: root + "/templates", output: root + "/public"))
        let meter = BuildProgress()
        let report = try SitePublisher.publish(PublishOptions(site: root + "/public", target: .folder(root + "/mirror"), host: .cloudflarePages,
                                                              content: root + "/content", templates: root + "/templates"), meter: meter)
        #expect(meter.endedStages.map(\.stage) == ["starting", "checking the site for cloudflare-pages"])
        let copying = meter.snapshot()
        #expect(copying.stage == "copying files" && copying.total == report.files && copying.done == copying.total && copying.total > 100)
    }
}
