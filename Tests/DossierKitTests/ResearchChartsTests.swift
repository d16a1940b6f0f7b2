import Foundation
import Testing
@testable import DossierKit

/// Timelines and networks: valid XML, links that resolve, labels that do not overlap,
/// the same layout on every run, and names escaped.
@Suite struct ResearchChartsTests {
    @Test func everySVGOfTheSiteParsesAndEveryLinkInItResolves() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        var svgCount = 0, linkCount = 0
        var pagesWithCharts: [String: Int] = [:]
        for page in site.files where page.hasSuffix(".html") {
            let folder = (page as NSString).deletingLastPathComponent
            for svg in svgFragments(site.read(page)) {
                let xml = XMLElements.parse(svg)
                #expect(xml.error == nil, "\(page): \(String(describing: xml.error))")
                #expect(xml.elements.first?.name == "svg")
                svgCount += 1
                pagesWithCharts[page, default: 0] += 1
                for link in xml.named("a") {
                    let href = try #require(link.attributes["href"], "\(page): a link without href")
                    #expect(site.exists(resolve(href, from: folder)), "\(page): broken link \(href) in an SVG")
                    linkCount += 1
                }
            }
        }
        // Home and meetings index: the map and the meetings timeline; Kim: timeline and network;
        // Russia: its map, timeline and network; explore: the network.
        #expect(pagesWithCharts["index.html"] == 2)
        #expect(pagesWithCharts["meetings/index.html"] == 2)
        #expect(pagesWithCharts["people/kim-jong-un/index.html"] == 2)
        #expect(pagesWithCharts["countries/russia/index.html"] == 3)
        #expect(pagesWithCharts["explore/index.html"] == 1)
        #expect(svgCount > 20 && linkCount > 200, "\(svgCount) SVGs, \(linkCount) links")
    }

    /// An entity's timeline needs two points: mentions in two months, or a meeting. One
    /// month's bar alone is not drawn.
    @Test func entityTimelineIsDrawnOnlyWhenItShowsMoreThanOneMonth() throws {
        let one = try SmallSite(["articles/a1.md": articleFile("रूस।\n")], name: "timeline-one-month")
        defer { one.remove() }
        #expect(!one.read("countries/russia/index.html").contains("timeline-chart"))
        let two = try SmallSite(["articles/a1.md": articleFile("रूस।\n"),
                                 "articles/a2.md": articleFile("रूस।\n", date: "2024-10-02")], name: "timeline-two-months")
        defer { two.remove() }
        let svg = two.read("countries/russia/index.html").components(separatedBy: "timeline-chart").dropFirst().first ?? ""
        #expect(svg.components(separatedBy: "class=\"tl-bar\"").count - 1 == 2)
        let meeting = try SmallSite([
            "articles/a1.md": articleFile("किम जोंग-उन।\n"),
            "entities/meetings.yml": "- id: 2024-11-01-talks\n  name: Talks\n  date: 2024-11-01\n  participants: [kim-jong-un]\n",
        ], name: "timeline-meeting")
        defer { meeting.remove() }
        #expect(meeting.read("people/kim-jong-un/index.html").contains("class=\"tl-event\""))
    }

    @Test func timelineShowsEveryMeetingAsALinkWithItsParticipants() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let svg = try #require(svgFragments(site.read("index.html")).first { $0.contains("timeline-chart") })
        let xml = XMLElements.parse(svg)
        let meetings = site.analysis.content.registry.entities.filter { $0.kind == .meeting }
        let links = xml.named("a").compactMap { $0.attributes["href"] }
        #expect(Set(links) == Set(meetings.map { $0.path + "index.html" }))
        let texts = xml.elements.filter { $0.name == "text" }.map(\.text)
        #expect(texts.contains("Belousov–Kim talks in Pyongyang"))
        #expect(texts.contains("Andrei Belousov, Kim Jong-un"))
        #expect(texts.contains("Jul 2023"))
    }

    @Test func entityNetworkLinksEveryNodeWithBothScripts() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        let svgs = svgFragments(site.read("people/sergei-shoigu/index.html"))
        let network = try #require(svgs.first { $0.contains("network-chart") })
        let xml = XMLElements.parse(network)
        let graph = site.graph
        let shoigu = try #require(site.analysis.content.registry.index(of: .person, "sergei-shoigu"))
        #expect(xml.named("a").count == 1 + graph.related[Int(shoigu)].count)
        #expect(xml.named("a").first?.attributes["href"] == "../../people/sergei-shoigu/index.html")
        let texts = xml.named("text").map(\.text)
        #expect(texts.contains("Sergei Shoigu") && texts.contains("सर्गेई शोइगु"))
        #expect(xml.named("line").allSatisfy { Double($0.attributes["stroke-width"] ?? "") ?? 0 > 0 })
    }

    @Test func untrustedNamesAreEscaped() {
        let name = "A & B <script>alert(\"x\")</script> 'q'"
        let timeline = TimelineSVG.render(events: [.init(date: "2024-01-02", name: name, detail: name, url: "x.html?a=1&b=\"2\"")],
                                          months: [.init(month: "2024-01", count: 3)], label: name)
        let network = NetworkSVG.render(nodes: [.init(name: name, native: name, kind: "person\"", url: "a&b.html", mentions: 3),
                                                .init(name: "B", native: nil, kind: "country", url: "b.html", mentions: 1)],
                                        edges: [.init(a: 0, b: 1, weight: 2)], label: name, size: .entity, centred: true)
        for svg in [timeline, network] {
            let xml = XMLElements.parse(svg ?? "")
            #expect(xml.error == nil)
            #expect(!(svg ?? "").contains("<script>"))
            #expect(xml.elements.contains { $0.text == name })
        }
        #expect(XMLElements.parse(timeline ?? "").named("a").first?.attributes["href"] == "x.html?a=1&b=\"2\"")
    }

    @Test func layoutIsDeterministicAndLabelsNeverOverlap() {
        // 150 nodes with Latin and Devanagari names, linked in a ring and to a few hubs.
        let nodes = (0..<150).map { index in
            NetworkSVG.Node(name: "Entity number \(index)", native: index % 2 == 0 ? "नाम संख्या \(index)" : nil,
                            kind: "person", url: "\(index).html", mentions: 1 + (150 - index) * (index % 7 + 1))
        }
        var edges: [NetworkSVG.Edge] = []
        for index in 1..<150 { edges.append(.init(a: index - 1, b: index, weight: 1 + index % 5)) }
        for index in 5..<150 where index % 3 == 0 { edges.append(.init(a: index % 5, b: index, weight: 2)) }
        let laid = NetworkSVG.layoutNodes(nodes, centred: false)
        let size = NetworkSVG.Size.dossier
        let edgeTuples = edges.map { ($0.a, $0.b, Double($0.weight)) }
        let first = NetworkLayout.layout(nodes: laid, edges: edgeTuples, width: size.width, height: size.height,
                                         iterations: size.iterations, pinFirst: false)
        let second = NetworkLayout.layout(nodes: laid, edges: edgeTuples, width: size.width, height: size.height,
                                          iterations: size.iterations, pinFirst: false)
        #expect(first == second)
        let labels = first.labels.enumerated().compactMap { index, box in box.map { (index, $0) } }
        #expect(labels.count > 75, "only \(labels.count) of 150 labels placed")
        for (i, (a, boxA)) in labels.enumerated() {
            for (b, boxB) in labels[(i + 1)...] { #expect(!boxA.overlaps(boxB, gap: 0), "labels \(a) and \(b) overlap") }
            for node in nodes.indices where node != a {
                #expect(!boxA.meetsCircle(x: first.x[node], y: first.y[node], radius: laid[node].radius), "label \(a) covers node \(node)")
            }
        }
        #expect(NetworkSVG.render(nodes: nodes, edges: edges, label: "x", size: size, centred: false)
                == NetworkSVG.render(nodes: nodes, edges: edges, label: "x", size: size, centred: false))
    }

    @Test func seedNetworksLabelTheirNodes() throws {
        let site = try ResearchSite()
        defer { site.remove() }
        for (page, share) in [("explore/index.html", 0.9), ("people/kim-jong-un/index.html", 1.0), ("countries/canada/index.html", 1.0)] {
            let network = try #require(svgFragments(site.read(page)).first { $0.contains("network-chart") })
            let xml = XMLElements.parse(network)
            let labelled = xml.named("text").filter { $0.attributes["class"] == "net-name" }.count
            #expect(Double(labelled) >= share * Double(xml.named("a").count), "\(page): \(labelled) of \(xml.named("a").count) labelled")
        }
    }

    @Test func dateAxisCoversItsDatesInOrder() throws {
        let axis = try #require(DateAxis(dates: ["2023-07-26", "2024-11-29"], left: 0, right: 1000))
        let july = try #require(axis.x(date: "2023-07-26")), november = try #require(axis.x(date: "2024-11-29"))
        #expect(0 < july && july < november && november < 1000)
        #expect(axis.x(monthStart: axis.firstMonth) == 0 && axis.x(monthStart: axis.endMonth) == 1000)
        let ticks = axis.ticks(minimumGap: 62)
        #expect(ticks.months.count >= 4 && ticks.months.count <= 17)
        // A single month still gets half a year of axis.
        let short = try #require(DateAxis(dates: ["2024-11-02"], left: 0, right: 600))
        #expect(short.endMonth - short.firstMonth == 6)
        #expect(DateAxis(dates: ["someday"], left: 0, right: 1) == nil)
    }

    @Test func textWidthGivesCombiningMarksNoWidth() {
        #expect(TextWidth.estimate("क", fontSize: 10) == TextWidth.estimate("कु", fontSize: 10))
        #expect(TextWidth.estimate("Kim Jong-un", fontSize: 12) > TextWidth.estimate("Kim", fontSize: 12))
        #expect(SVGNumber.format(12.34) == "12.3" && SVGNumber.format(-0.05) == "-0.1" && SVGNumber.format(7) == "7")
    }
}
