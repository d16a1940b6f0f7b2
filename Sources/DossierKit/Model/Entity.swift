/// A registered person, country, organisation, meeting or place.
public struct Entity: Sendable, Hashable {
    public var kind: EntityKind
    public var id: String
    /// English canonical name.
    public var name: String
    /// Other names, chiefly the Hindi spellings the articles use; matched in the text.
    public var aliases: [String]
    public var wikidata: String?
    public var description: String?
    /// People, organisations and places: the country id they belong to.
    public var country: String?
    /// Countries: ISO 3166-1 alpha-2.
    public var iso: String?
    /// Meetings: ISO date, place (a place id or free text: `Registry.place(named:)`),
    /// participant (person) ids and country ids.
    public var date: String?
    public var place: String?
    public var participants: [String]
    public var countries: [String]
    /// Places: latitude and longitude in decimal degrees (north and east positive), both or neither.
    public var lat: Double?
    public var lon: Double?
    /// Whether spelling variants of the aliases are matched too (`variants: false` in the
    /// registry turns them off: only the aliases as written are).
    public var variants = true
    /// Where it is defined, for messages.
    public var file: String
    public var line: Int

    public init(kind: EntityKind, id: String, name: String, aliases: [String] = [], wikidata: String? = nil,
                description: String? = nil, country: String? = nil, iso: String? = nil, date: String? = nil,
                place: String? = nil, participants: [String] = [], countries: [String] = [],
                lat: Double? = nil, lon: Double? = nil, file: String = "", line: Int = 0) {
        self.kind = kind
        self.id = id
        self.name = name
        self.aliases = aliases
        self.wikidata = wikidata
        self.description = description
        self.country = country
        self.iso = iso
        self.date = date
        self.place = place
        self.participants = participants
        self.countries = countries
        self.lat = lat
        self.lon = lon
        self.file = file
        self.line = line
    }

    /// `type:id` (`person:kim-jong-un`): how data files, GraphML, previews and rebuilds name
    /// it, stable across a registry reload (an index is not).
    var reference: String { kind.rawValue + ":" + id }

    /// Site-relative URL of the entity's page folder, e.g. `people/kim-jong-un/`.
    public var path: String { "\(kind.folder)/\(id)/" }

    /// The first alias not in ASCII (the Hindi name), shown beside the English one.
    public var native: String? { aliases.first { !$0.utf8.allSatisfy { $0 < 128 } } }
}

/// Index of an entity in `Registry.entities`.
public typealias EntityIndex = Int32
