import Foundation
import Testing
@testable import DossierKit

/// JSON strings and CSV fields are scanned eight bytes at a time: each character that needs
/// escaping or quoting, at every position around a word's edges, is still found.
@Suite struct EscapingTests {
    /// What JSON.quote must write, a byte at a time.
    func referenceJSON(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 32 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    @Test func everySpecialCharacterIsEscapedWhereverItStands() throws {
        let specials: [String] = ["\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1F}", "<", ">", "&", "\u{2028}", "\u{2029}", "–", "\u{7F}"]
        for special in specials {
            for prefix in 0...17 {
                for filler in ["a", "क"] {
                    let text = String(repeating: filler, count: prefix) + special + String(repeating: "b", count: 20 - min(prefix, 20))
                    #expect(JSON.quote(text) == referenceJSON(text), "\(special.unicodeScalars.map(\.value)) after \(prefix) \(filler)")
                    let decoded = try JSONSerialization.jsonObject(with: Data(JSON.quote(text).utf8), options: .fragmentsAllowed) as? String
                    #expect(decoded == text)
                }
            }
        }
    }

    @Test func csvFieldsAreQuotedWhenTheyHoldACommaQuoteOrLineBreak() {
        func field(_ value: String) -> String {
            var bytes: [UInt8] = []
            CSV.appendField(&bytes, value)
            return String(decoding: bytes, as: UTF8.self)
        }
        for special in [",", "\"", "\n", "\r"] {
            for prefix in 0...17 {
                let value = String(repeating: "क", count: prefix) + special + "ख"
                // A carriage return first is also a formula's start to a spreadsheet: neutralised.
                let lead = value.hasPrefix("\r") ? "'" : ""
                let quoted = "\"" + lead + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                #expect(field(value) == quoted, "\(special.unicodeScalars.map(\.value)) after \(prefix)")
            }
        }
        #expect(field(String(repeating: "क", count: 40)) == String(repeating: "क", count: 40))
        #expect(field("=1+2") == "'=1+2")
    }
}
