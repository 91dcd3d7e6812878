// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "guanai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "guanai", targets: ["guanai"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.0.0" ..< "5.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit.git", from: "6.4.0"),
    ],
    targets: [
        // Pure domain: value types and rules. No Vapor, no database.
        .target(
            name: "GuanaiCore",
            resources: [.copy("Resources/divisions"), .copy("Resources/pinyin")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Spreadsheets: streaming .xlsx/.csv reader and writer, cell normalisation, header matching. No database.
        .target(
            name: "GuanaiSheets",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Web: configure, routes, controllers, views, migrations.
        .target(
            name: "GuanaiWeb",
            dependencies: [
                "GuanaiCore",
                "GuanaiSheets",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .executableTarget(
            name: "guanai",
            dependencies: [
                "GuanaiWeb",
                "GuanaiCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "GuanaiCoreTests",
            dependencies: ["GuanaiCore"],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "GuanaiSheetsTests",
            // ZIPFoundation writes the crafted packages (bombs, lying headers) the limits are tested with.
            dependencies: ["GuanaiSheets", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "GuanaiWebTests",
            dependencies: [
                "GuanaiWeb",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
