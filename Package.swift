// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Dossier",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "DossierKit", targets: ["DossierKit"]),
        .library(name: "DossierServer", targets: ["DossierServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // SQLite for `dossier export --sqlite` (wrapped once, in DossierKit/Export).
        .systemLibrary(
            name: "CSQLite",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // netCDF, to read GSHHG's coastlines for the maps (wrapped once, in DossierKit/Map).
        .systemLibrary(
            name: "CNetCDF",
            pkgConfig: "netcdf",
            providers: [.apt(["libnetcdf-dev"])]
        ),
        // mimalloc replaces malloc in the dossier executable (see Sources/dossier/Allocator.swift).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        .target(
            name: "DossierKit",
            dependencies: [
                "CCmarkGFM",
                "CSQLite",
                "CNetCDF",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "DossierServer",
            dependencies: [
                "DossierKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "CMimalloc",
                "DossierKit",
                "DossierServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // libFuzzer target over one article (make fuzz); built plainly it replays inputs.
        .executableTarget(
            name: "DossierFuzz",
            dependencies: ["DossierKit"]
        ),
        .testTarget(
            name: "DossierKitTests",
            dependencies: ["DossierKit"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "DossierServerTests",
            dependencies: ["DossierServer", "DossierKit"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
