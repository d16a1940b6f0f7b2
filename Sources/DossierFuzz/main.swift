// Fuzzes one article through loading, annotation and rendering (`ArticleFuzzing`).
// Built by `make fuzz` with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer then drives
// `ArticleFuzzing.run` and stops at the first problem or crash. Built plainly, it replays
// the files named as arguments (a corpus or a crash input) and prints what is wrong.
import DossierKit
import Foundation

let templates = ProcessInfo.processInfo.environment["DOSSIER_TEMPLATES"] ?? "templates"
guard case .success(let theme) = Theme.load(directory: templates) else {
    FileHandle.standardError.write(Data("cannot load the theme in \(templates)/ (set DOSSIER_TEMPLATES)\n".utf8))
    exit(2)
}
let fuzzing = ArticleFuzzing(theme: theme)

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// libFuzzer calls a C function: it reaches the harness through this global.
nonisolated(unsafe) var harness: ArticleFuzzing? = fuzzing

/// One input; libFuzzer's runtime names this symbol, and the driver below is handed it too.
@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let problems = harness!.run(bytes)
    if !problems.isEmpty { fatalError("output problems:\n" + problems.joined(separator: "\n")) }
    return 0
}

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(runDriver(&argc, &argv, testOneInput))
#else
var failed = 0
for path in CommandLine.arguments.dropFirst() {
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
    let files = isFolder.boolValue ? ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted().map { path + "/" + $0 } : [path]
    for file in files {
        let problems = fuzzing.run(Array(FileManager.default.contents(atPath: file) ?? Data()))
        if !problems.isEmpty {
            failed += 1
            print(file + ":\n  " + problems.joined(separator: "\n  "))
        }
    }
}
exit(failed == 0 ? 0 : 1)
#endif
