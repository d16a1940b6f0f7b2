import Foundation

/// Where the coastline data is read from: `DOSSIER_COASTLINES` when set, else where Debian's
/// `gmt-gshhg-low` installs GSHHG's low-resolution shorelines. Read at build time, never fetched.
enum CoastlineSource {
    static let environmentKey = "DOSSIER_COASTLINES"
    static let debianPath = "/usr/share/gmt-gshhg/binned_GSHHS_l.nc"

    static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let value = environment[environmentKey], !value.isEmpty else { return debianPath }
        return value
    }

    /// The coastlines at `path`, or why there are none (a missing file is no error of the build:
    /// its maps are drawn without coastlines, and `warning` says so once).
    static func load(path: String) -> Result<Coastlines, CoastlineError> {
        guard FileManager.default.isReadableFile(atPath: path) else { return .failure(.missing(path: path)) }
        return Result { () throws(CoastlineError) in try Coastlines.read(path: path) }
    }

    /// What a build draws its maps with: the coastlines, or none and its one warning.
    static func forBuild(environment: [String: String] = ProcessInfo.processInfo.environment) -> (coastlines: Coastlines?, warning: Diagnostic?) {
        switch load(path: path(environment: environment)) {
        case .success(let coastlines): return (coastlines, nil)
        case .failure(let error): return (nil, warning(error))
        }
    }

    /// The build's one warning about maps without coastlines.
    static func warning(_ error: CoastlineError) -> Diagnostic {
        switch error {
        case .missing(let path):
            return .warning(path, nil, "no coastline data: maps are drawn without coastlines",
                            hint: "apt-get install gmt-gshhg-low, or set \(environmentKey) to a binned_GSHHS_*.nc file")
        case .unreadable(let path, let reason):
            return .warning(path, nil, "not a GSHHG binned shoreline file (\(reason)): maps are drawn without coastlines",
                            hint: "reinstall gmt-gshhg-low, or set \(environmentKey) to binned_GSHHS_l.nc")
        }
    }
}
