/// The place candidates of `dossier check --suggest` as entries for places.yml, to check
/// and paste: an id and English name spelt from the text (`कुर्स्क` → `kursk`, `Kursk`),
/// the text as an alias, and the facts only a researcher can give (country, coordinates)
/// left as comments. Candidates spelt alike are one entry (`Pyongyang` from a meeting,
/// `प्योंगयांग` from the text). Nothing is written.
enum PlaceProposal {
    struct Entry {
        var id: String
        var name: String
        var aliases: [String]
    }

    static func entries(for suggestions: [NameSuggestion], registry: Registry) -> [Entry] {
        var entries: [Entry] = []
        var bySlug: [String: Int] = [:]
        for suggestion in suggestions where suggestion.kind == .place {
            let spelt = Transliteration.ascii(suggestion.text)
            let key = slug(spelt)
            let isLatin = suggestion.text.unicodeScalars.allSatisfy { $0.isASCII }
            if let index = bySlug[key], !key.isEmpty {
                entries[index].aliases.append(suggestion.text)
                if isLatin { entries[index].name = suggestion.text }
                continue
            }
            let name = isLatin ? suggestion.text
                : spelt.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            bySlug[key] = entries.count
            entries.append(Entry(id: key, name: name.isEmpty ? suggestion.text : name, aliases: [suggestion.text]))
        }
        // Ids unique among themselves and the registered places.
        var taken = Set(registry.ids(of: .place))
        for index in entries.indices {
            var id = entries[index].id.isEmpty ? "place" : entries[index].id
            if taken.contains(id) {
                var number = 2
                while taken.contains("\(id)-\(number)") { number += 1 }
                id = "\(id)-\(number)"
            }
            taken.insert(id)
            entries[index].id = id
        }
        return entries
    }

    static func yaml(for suggestions: [NameSuggestion], registry: Registry) -> String {
        entries(for: suggestions, registry: registry).map { entry in
            """
            - id: \(entry.id)
              name: \(quoted(entry.name))
              aliases: [\(entry.aliases.map(quoted).joined(separator: ", "))]
              # country:
              # lat:
              # lon:
            """
        }.joined(separator: "\n")
    }

    /// Lowercase ASCII letters and digits, words joined by hyphens.
    static func slug(_ text: String) -> String {
        text.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: "-")
    }

    /// A YAML scalar: plain when it is letters, marks, digits, spaces and inner hyphens;
    /// else in double quotes.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.first != "-" && text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.generalCategory == .nonspacingMark
                || scalar.properties.generalCategory == .spacingMark || (48...57).contains(scalar.value) || scalar == " " || scalar == "-"
                || scalar == "\u{200C}" || scalar == "\u{200D}"
        }
        if plain { return text }
        return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
