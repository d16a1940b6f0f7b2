import Foundation
import Yams

/// Loads `content/entities/{people,countries,organizations,meetings,places}.yml` (each optional).
enum RegistryLoader {
    static let knownKeys: [EntityKind: [String]] = [
        .person: ["id", "name", "aliases", "variants", "wikidata", "description", "country"],
        .country: ["id", "name", "aliases", "variants", "wikidata", "description", "iso"],
        .org: ["id", "name", "aliases", "variants", "wikidata", "description", "country"],
        .meeting: ["id", "name", "aliases", "variants", "wikidata", "description", "date", "place", "participants", "countries"],
        .place: ["id", "name", "aliases", "variants", "wikidata", "description", "country", "lat", "lon"],
    ]

    /// Entities of one kind from YAML text. `file` is the path shown in messages.
    static func parse(_ text: String, kind: EntityKind, file: String) -> ([Entity], [Diagnostic]) {
        let (text, invisible) = InvisibleControls.removing(from: text, file: file)
        let root: Node?
        do {
            root = try YAMLFields.compose(text, file: file)
        } catch {
            return ([], invisible + [YAMLFields.diagnostic(for: error, file: file)])
        }
        guard let root else { return ([], []) }
        guard case .sequence(let items) = root else {
            return ([], [.error(file, root.mark?.line ?? 1, "\(kind.registryFile) must be a list of entries",
                                hint: "start each entry with \"- id: ...\"")])
        }
        var entities: [Entity] = []
        var diagnostics = invisible
        var firstLine: [String: Int] = [:]
        for item in items {
            guard case .mapping(let mapping) = item else {
                diagnostics.append(.error(file, item.mark?.line ?? 1, "each entry must be a mapping with id, name and aliases"))
                continue
            }
            var fields = YAMLFields(file: file, mapping: mapping)
            fields.warnUnknownKeys(knownKeys[kind]!)
            let id = fields.required("id", what: "a lowercase id such as kim-jong-un")
            let name = fields.required("name", what: "the English name")
            fields.checkLength("name", name, shownOn: "every mention's link and every page that names it")
            var entity = Entity(kind: kind, id: id ?? "", name: name ?? "", file: file, line: fields.line)
            entity.aliases = normalisedAliases(fields.list("aliases"), fields: &fields)
            entity.variants = fields.bool("variants") ?? true
            entity.wikidata = fields.string("wikidata")
            entity.description = fields.string("description")
            if let wikidata = entity.wikidata, !isWikidataID(wikidata) {
                fields.report(.error(file, fields.lineOf("wikidata"), "wikidata \"\(wikidata)\" is not a Wikidata id",
                                     hint: "write it like Q56226"))
                entity.wikidata = nil
            }
            switch kind {
            case .person, .org:
                entity.country = fields.string("country")
            case .country:
                entity.iso = fields.string("iso")
                if let iso = entity.iso, !(iso.utf8.count == 2 && iso.utf8.allSatisfy({ (65...90).contains($0) })) {
                    fields.report(.error(file, fields.lineOf("iso"), "iso \"\(iso)\" is not an ISO 3166-1 alpha-2 code",
                                         hint: "two capital letters, like KP"))
                }
            case .meeting:
                entity.date = fields.required("date", what: "the date as YYYY-MM-DD")
                if let date = entity.date, !ISODate.isValid(date) {
                    fields.report(.error(file, fields.lineOf("date"), "bad date \"\(date)\"", hint: "write YYYY-MM-DD, e.g. 2024-11-29"))
                }
                entity.place = fields.string("place")
                entity.participants = fields.list("participants")
                entity.countries = fields.list("countries")
            case .place:
                entity.country = fields.string("country")
                (entity.lat, entity.lon) = PlaceCoordinates.read(&fields)
            }
            diagnostics += fields.diagnostics
            guard let id else { continue }
            if !Slug.isValid(id) {
                diagnostics.append(.error(file, fields.lineOf("id"), "id \"\(id)\" is not valid",
                                          hint: "use lowercase ASCII letters, digits and hyphens"))
                continue
            }
            if let first = firstLine[id] {
                diagnostics.append(.error(file, fields.lineOf("id"), "duplicate \(kind.singular) id \"\(id)\"",
                                          hint: "first defined at line \(first); rename or merge them"))
                continue
            }
            firstLine[id] = fields.lineOf("id")
            entities.append(entity)
        }
        return (entities, diagnostics)
    }

    /// NFC, single spaces, no duplicates, in the order written.
    static func normalisedAliases(_ aliases: [String], fields: inout YAMLFields) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for alias in aliases {
            let clean = TextNormalization.collapsingWhitespace(TextNormalization.nfc(alias))
            guard !clean.isEmpty else { continue }
            if seen.insert(clean).inserted { result.append(clean) }
        }
        return result
    }

    static func isWikidataID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count > 1 && bytes[0] == UInt8(ascii: "Q") && bytes.dropFirst().allSatisfy { (48...57).contains($0) }
    }

    /// Loads every registry file under `entitiesDirectory`; a missing file is an empty list.
    static func load(entitiesDirectory: String, displayPrefix: String) -> ([Entity], [Diagnostic]) {
        let results = parallelMap(EntityKind.allCases) { kind -> ([Entity], [Diagnostic]) in
            let path = entitiesDirectory + "/" + kind.registryFile
            let display = displayPrefix + "/" + kind.registryFile
            guard FileManager.default.fileExists(atPath: path) else { return ([], []) }
            switch ContentFile.readText(path, display: display) {
            case .failure(let diagnostic): return ([], [diagnostic])
            case .success(let text): return parse(text, kind: kind, file: display)
            }
        }
        return (results.flatMap(\.0), results.flatMap(\.1))
    }
}
