/// The site graph's timelines and networks as SVG, for a page at `root`: what the
/// templates show on the home page, the meetings index, entity pages and `explore`.
struct Charts: Sendable {
    let graph: SiteGraph
    /// Each article's month (`YYYY-MM`) as an index into `months`: a timeline counts tens of
    /// thousands of mentions, and reading each one's article date copied the whole article.
    private let articleMonth: [Int32]
    private let months: [String]
    let drawings: NetworkDrawings?

    /// `drawings`: the networks drawn by the last build of a preview session, to reuse.
    init(graph: SiteGraph, drawings: NetworkDrawings? = nil) {
        self.graph = graph
        self.drawings = drawings
        var months: [String] = [], index: [String: Int32] = [:]
        // Through the buffer: mapping the array copies each whole `Article`.
        articleMonth = graph.content.articles.withUnsafeBufferPointer { articles in
            articles.indices.map { position in
                let month = ISODate.month(articles[position].date)
                if let known = index[month] { return known }
                index[month] = Int32(months.count)
                months.append(month)
                return Int32(months.count - 1)
            }
        }
        self.months = months
    }

    var registry: Registry { graph.content.registry }

    /// Every meeting on a date axis, with its participants.
    func meetingsTimeline(root: String) -> String? {
        TimelineSVG.render(events: graph.meetingsByDate.map { event($0, root: root) }, label: "Timeline of the meetings")
    }

    /// An entity's meetings and its mentions per month (by the date of the articles); none
    /// for an entity without meetings whose mentions all fall in one month: a single bar
    /// says no more than the dates beside its sentences (and was a quarter of the page of
    /// each name in a long list).
    func timeline(of entity: EntityIndex, root: String) -> String? {
        var counts = [Int](repeating: 0, count: self.months.count)
        for ref in graph.mentions[Int(entity)] { counts[Int(articleMonth[Int(ref.article)])] += 1 }
        let counted = counts.indices.filter { counts[$0] > 0 }
        if graph.meetings[Int(entity)].isEmpty && counted.count < 2 { return nil }
        let months = counted.map { TimelineSVG.MonthCount(month: self.months[$0], count: counts[$0]) }.sorted { $0.month < $1.month }
        return TimelineSVG.render(events: graph.meetings[Int(entity)].map { event($0, root: root) }, months: months,
                                  label: "Timeline of \(registry[entity].name): meetings and mentions per month")
    }

    /// The entity and those most often mentioned in the same sentences.
    func network(of entity: EntityIndex, root: String) -> String? {
        svg(CoMentionNetwork.around(entity, in: graph), slot: entity, root: root, size: .entity, centred: true,
            label: "Entities mentioned in the same sentences as \(registry[entity].name)")
    }

    /// The dossier's most mentioned entities and who is named with whom.
    func dossierNetwork(_ network: CoMentionNetwork, root: String) -> String? {
        svg(network, slot: NetworkDrawings.dossier, root: root, size: .dossier, centred: false,
            label: "The most mentioned entities and who is named with whom")
    }

    /// Drawn, or the last build's drawing of the same network (`drawings`).
    func svg(_ network: CoMentionNetwork, slot: Int32, root: String, size: NetworkSVG.Size, centred: Bool, label: String) -> String? {
        guard let drawings else { return svg(network, root: root, size: size, centred: centred, label: label) }
        let key = NetworkDrawings.Key(network: network, root: root, size: size, centred: centred, label: label)
        return drawings.drawing(slot, key) { svg(network, root: root, size: size, centred: centred, label: label) }
    }

    func svg(_ network: CoMentionNetwork, root: String, size: NetworkSVG.Size, centred: Bool, label: String) -> String? {
        let nodes = zip(network.nodes, network.sizes).map { index, size -> NetworkSVG.Node in
            NetworkSVG.Node(name: registry[index].name, native: registry[index].native, kind: registry[index].kind.rawValue,
                                   url: root + registry[index].pagePath, mentions: size)
        }
        return NetworkSVG.render(nodes: nodes, edges: network.edges,
                                 label: label, size: size, centred: centred)
    }

    /// Participants a meeting's label names on a timeline.
    static let participantsNamed = 8

    func event(_ meeting: EntityIndex, root: String) -> TimelineSVG.Event {
        let entity = registry[meeting]
        // The first few names: every participant's timeline shows the meeting.
        let named = entity.participants.prefix(Charts.participantsNamed)
        var detail = named.compactMap { registry.entity(.person, $0)?.name }.joined(separator: ", ")
        if entity.participants.count > named.count { detail += " and \(entity.participants.count - named.count) more" }
        return TimelineSVG.Event(date: entity.date ?? "", name: entity.name, detail: detail,
                                 url: root + entity.pagePath)
    }
}
