/// Estimated width of a line of text, for laying out SVG labels at build time (no font
/// files are read). Errs wide, so labels placed apart by it do not touch on screen.
enum TextWidth {
    /// Width in the units of `fontSize` (SVG user units).
    static func estimate(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars { ems += advance(scalar) }
        return ems * fontSize
    }

    /// Advance of one scalar in ems. Combining marks (Devanagari vowel signs, virama,
    /// nukta) sit on their base letter and take no width of their own.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        let value = scalar.value
        switch value {
        case 0x20: return 0.3
        case 0x30...0x39: return 0.6
        case 0x41...0x5A: return 0.72
        case 0x61...0x7A: return 0.58
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: return 0.4
        case 0x2013, 0x2014: return 0.8
        case 0x0900...0x097F:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return isSpacingDevanagari(value) ? 0.3 : 0
            default: return 0.72
            }
        default:
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format: return 0
            default: return 0.75
            }
        }
    }

    /// Devanagari vowel signs that add width beside the letter (ा ी ो ौ and visarga).
    static func isSpacingDevanagari(_ value: UInt32) -> Bool {
        value == 0x093E || value == 0x0940 || value == 0x094B || value == 0x094C || value == 0x0903 || value == 0x0949
    }
}
