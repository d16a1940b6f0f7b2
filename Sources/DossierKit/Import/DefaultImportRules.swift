/// The built-in import rules: a copy of the dossier's `content/import-rules.yml`, used
/// when a content folder has none. After changing that file, paste its text between the
/// quotes below.
enum DefaultImportRules {
    static let yaml = #"""
# Boilerplate rules for `dossier import`: which lines of a raw news page are not the article.
#
# Every rule looks at one line at a time, trimmed, with runs of spaces as one space, and
# gives exactly one of:
#   exact: TEXT     the line is TEXT                    (letter case ignored)
#   prefix: TEXT    the line starts with TEXT           (letter case ignored)
#   regex: 'RE'     the line matches the regular expression RE (ICU syntax; anchor it with
#                   ^ and $ to match the whole line; keep it in single quotes so that
#                   backslashes stay as written; (?i) at the start ignores case)
# Optional keys:
#   next: N         the N lines after a matching line go with it (a teaser and its caption)
#   source: NAME    a line only one outlet prints names the article's source (front matter)
#
# To add a rule, append it to the section it belongs to, then check the result with
#   dossier import --dry-run content/raw/PAGE.txt
# Mistakes are reported with this file's name and line.

# Lines dropped wherever they appear: navigation, ad markers, counters, share buttons.
drop:
  - exact: spot_img
  - exact: Skip to content
  - regex: '^Home(?!\p{Ll})'                 # breadcrumb: "Homeदेश - विदेशउत्तर कोरिया ने..."
  - regex: '^(मुख्य पृष्ठ|होम)\s*[›»>/]'        # breadcrumb: "होम › दुनिया › ..."
  - exact: विज्ञापन
  - exact: Advertisement
  - regex: '^\[?विज्ञापन(_\d+)?\]?$'           # "[विज्ञापन_2]"
  - regex: '^Read Time:\s*\d+\s*mins?$'
  - regex: '^टिप्पणी\s*\(\d+\)$'               # comment counter "टिप्पणी (0)"
  - regex: '^(Comments?|कमेंट्स?)\s*\(\d+\)$'
  - regex: '^\d+\s+(टिप्पणियां|टिप्पणियाँ|टिप्पणी|Comments?|कमेंट्स?)$'   # "2 टिप्पणियां"
  - exact: 'error: Content is protected !!'
  - exact: Featured Video Of The Day
    next: 1                                  # and the video's caption
  - regex: '^(ये|यह) भी पढ़ें\s*[:：-]?$'        # "ये भी पढ़ें:" and the link under it
    next: 1
  - regex: '^(ये|यह) भी पढ़ें\s*[:：-]\s*\S'     # "ये भी पढ़ें: <linked headline>"
  - regex: '^(Share|शेयर करें|Tweet|ट्वीट करें|Follow Us|फॉलो करें)$'
  - regex: '(?i)^(Published by|Edited by|Written by|Reported by)\s*:[^|]*$'   # (a date after a bar is read)
  - exact: Back to top button

# The end of the article: the matching line and everything after it are dropped
# (related articles, comment forms, footers). Before the article's first paragraph such a
# line drops only itself.
cut:
  - exact: You may also like
  - exact: RELATED ARTICLES                  # also "Related Articles": case is ignored
  - exact: Most Popular
  - exact: Leave a Reply
  - regex: '^(एक )?(टिप्पणी|जवाब|उत्तर) (छोड़ें|दें)$'      # WordPress in Hindi: "एक टिप्पणी छोड़ें"
  - prefix: read more…
  - prefix: read more...
  - regex: '^(Tags|टैग्स|टैग)\s*:'
  - regex: '^(संबंधित|सम्बंधित) (खबरें|ख़बरें|लेख)$'
  - prefix: (हेडलाइन के अलावा, इस खबर को एनडीटीवी टीम ने संपादित नहीं किया है
    source: NDTV
  - prefix: डिस्क्लेमर
  - prefix: अस्वीकरण
  - regex: '(?i)^disclaimer\s*:'

# Agency sign-offs and editor initials ("--आईएएनएस", "एससीएच/एमके"), dropped. A group
# named agency gives the source (looked up in outlets below).
sign_offs:
  - regex: '^[-–—]{1,3}\s*(?<agency>\p{Devanagari}+|[A-Z]{2,6})$'
  - regex: '^\p{Devanagari}{1,10}(/\p{Devanagari}{1,10})+$'
  - regex: '^(?<agency>भाषा)(\s+\p{Devanagari}+){1,3}$'                     # PTI: "भाषा सिम्मी नरेश"
  - regex: '(?i)^\(\s*(?:इनपुट|एजेंसी इनपुट|input|inputs|source)\s*[:–—-]?\s*(?<agency>[^()]*?)(?:\s*के साथ)?\s*\)$'   # "(इनपुट: भाषा)", "( Source – PTI )"

# Photo and video captions, dropped: a line ending in its credit, e.g. "(स्रोत: केसीएनए) |".
captions:
  - regex: '\((स्रोत|फोटो|फ़ोटो|तस्वीर|चित्र|Photo|Image|Source|Credit)\s*:[^()]*\)\s*[|।]?$'
  - regex: '^(फोटो|फ़ोटो|तस्वीर|Photo)\s*:'

# Bylines, dropped; the group source names the outlet, author the reporter.
bylines:
  - regex: '^(?<source>.+?)\s+संवाददाता\s+(?<author>.+?)\s+(का|की)\s+रिपोर्ट$'
  - regex: '^(लेखक|By)\s*:?\s+(?<author>\p{L}[\p{L}\p{M}. ]+)$'

# Lines giving the original address (group url) and perhaps the outlet (group source).
source_links:
  - regex: '^(स्रोत|Source|मूल लेख)\s*:\s*(?<url>https?://\S+)$'
  - regex: '^(?<url>https?://\S+)$'          # the page's address alone on a line

# Outlets and agencies: the name written as source:, and how pages name them (Hindi
# spellings in datelines and sign-offs, web site hosts).
outlets:
  - name: IANS
    aliases: [आईएएनएस, IANS]
  - name: PTI
    aliases: [भाषा, पीटीआई, PTI]
  - name: ANI
    aliases: [एएनआई, ANI]
  - name: NDTV
    aliases: [एनडीटीवी, ndtv.com, ndtv.in]
  - name: Báo Quốc tế
    aliases: [baoquocte.vn]
  - name: Amar Ujala
    aliases: [अमर उजाला, amarujala.com]
  - name: Dainik Jagran
    aliases: [दैनिक जागरण, jagran.com]

"""#
}
