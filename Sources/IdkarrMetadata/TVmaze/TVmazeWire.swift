// TVmaze response bodies, as recorded in Tests/Fixtures/metadata/tvmaze (2017–2026 shapes).

struct TVmazeSearchHit: Decodable {
    let score: Double?
    let show: TVmazeShow
}

struct TVmazeShow: Decodable {
    struct Country: Decodable {
        let timezone: String?
    }
    struct Channel: Decodable {
        let name: String
        let country: Country?
    }
    struct Externals: Decodable {
        let thetvdb: Int?
        let imdb: String?
    }
    struct Image: Decodable {
        let medium: String?
        let original: String?
    }
    struct Schedule: Decodable {
        let time: String?
    }

    let id: Int
    let name: String
    let type: String?
    let language: String?
    let genres: [String]?
    let status: String?
    let runtime: Int?
    let averageRuntime: Int?
    let premiered: String?
    let summary: String?
    let network: Channel?
    let webChannel: Channel?
    let externals: Externals?
    let image: Image?
    let schedule: Schedule?
}

struct TVmazeEpisode: Decodable {
    let id: Int?
    let name: String?
    let season: Int
    /// null for specials.
    let number: Int?
    /// regular, significant_special, insignificant_special (absent before about 2020).
    let type: String?
    let airdate: String?
    let airtime: String?
    let airstamp: String?
    let runtime: Int?
    let summary: String?
}

struct TVmazeErrorBody: Decodable {
    let name: String?
    let message: String?
}
