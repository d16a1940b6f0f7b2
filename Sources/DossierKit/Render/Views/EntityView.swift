/// The `entity` template's view: a person's, country's, organisation's or place's page.
/// Every list is present, empty on later pages (which show only their own sentences).
struct EntityView: Encodable {
    var entity: Merged<EntityLinkView, EntityDetailView>
    /// The sentences of this page, grouped by article (`source`, HTML).
    var sentenceGroups: String?
    var pagination: PaginationView?
    var meetings: [EntityListItem]
    var related: [Related]
    var figureGroups: [FigureGroupView]
    /// A place's datelined articles, newest first, and how many more there are.
    var datelined: [ArticleSummaryView]
    var moreDatelined: Int?
    /// The places of a country.
    var places: [EntityLinkView]
    // On the first page only.
    var isPlace: Bool?
    var data: DataLinksView?
    /// The timeline and the ego network (inline SVG).
    var timeline: String?
    var network: String?
    var statements: StatementsSectionView?

    /// An entity often named with this one (its chip, HTML) and in how many sentences.
    struct Related: Encodable {
        var chip: String
        var count: Int
    }
}

/// What an entity page shows of the entity beside its link; the first page has its row
/// and registry facts.
struct EntityDetailView: Encodable {
    var kindSingular: String
    var firstPage: Bool
    var row: EntityRowView?
    var aliasList: [String]?
    var wikidata: String?
    var wikidataURL: String?
    var iso: String?
    /// A place's country.
    var country: EntityLinkView?
    var coordinates: Coordinates?

    struct Coordinates: Encodable {
        var lat: String
        var lon: String
        var display: String
    }

    func encode(to encoder: any Encoder) throws {
        try row?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kindSingular, forKey: .kindSingular)
        try container.encode(firstPage, forKey: .firstPage)
        try container.encodeIfPresent(aliasList, forKey: .aliasList)
        try container.encodeIfPresent(wikidata, forKey: .wikidata)
        try container.encodeIfPresent(wikidataURL, forKey: .wikidataURL)
        try container.encodeIfPresent(iso, forKey: .iso)
        try container.encodeIfPresent(country, forKey: .country)
        try container.encodeIfPresent(coordinates, forKey: .coordinates)
    }

    private enum CodingKeys: String, CodingKey {
        case kindSingular, firstPage, aliasList, wikidata, wikidataURL, iso, country, coordinates
    }
}

/// An entity's own feed, and the dossier-wide files it appears in.
struct DataLinksView: Encodable {
    var feed: String
    var downloads: String
    var graphml: String
    var entities: String
}
