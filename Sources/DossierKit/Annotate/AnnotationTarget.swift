/// What a link destination names when it is an annotation: `person:id`, `country:id`,
/// `org:id`, `meeting:id`, or `none:` for a span that must not be linked.
enum AnnotationTarget: Equatable {
    case entity(EntityKind, String)
    case none

    init?(destination: String) {
        guard let colon = destination.firstIndex(of: ":") else { return nil }
        let scheme = destination[..<colon]
        let id = String(destination[destination.index(after: colon)...])
        if scheme == "none" {
            self = .none
            return
        }
        guard let kind = EntityKind(rawValue: String(scheme)) else { return nil }
        self = .entity(kind, id)
    }
}
