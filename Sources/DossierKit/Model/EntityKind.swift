/// The five kinds of thing a dossier keeps a registry of. The raw value is the
/// annotation scheme and the `type` of the data files. The order is the order of every
/// list by kind (navigation, an article's aside, the data files): `place` came last so
/// that the others kept theirs.
public enum EntityKind: String, Sendable, CaseIterable, Hashable, Comparable {
    case person, country, org, meeting, place

    /// Output folder and URL segment.
    public var folder: String {
        switch self {
        case .person: "people"
        case .country: "countries"
        case .org: "organizations"
        case .meeting: "meetings"
        case .place: "places"
        }
    }

    /// Registry file under `content/entities/`.
    public var registryFile: String { folder + ".yml" }

    public var singular: String {
        switch self {
        case .person: "person"
        case .country: "country"
        case .org: "organisation"
        case .meeting: "meeting"
        case .place: "place"
        }
    }

    public var title: String {
        switch self {
        case .person: "People"
        case .country: "Countries"
        case .org: "Organisations"
        case .meeting: "Meetings"
        case .place: "Places"
        }
    }

    public static func < (a: EntityKind, b: EntityKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
