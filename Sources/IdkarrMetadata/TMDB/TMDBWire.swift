// TMDB v3 response bodies, as recorded in Tests/Fixtures/metadata/tmdb. Only what idkarr reads;
// a field is optional unless a title cannot be built without it.

struct TMDBErrorBody: Decodable {
    let status_code: Int?
    let status_message: String?
    let errors: [String]?
}

struct TMDBConfiguration: Decodable {
    struct Images: Decodable {
        let secure_base_url: String
        let poster_sizes: [String]?
        let backdrop_sizes: [String]?
    }
    let images: Images
}

struct TMDBPage<Item: Decodable>: Decodable {
    let page: Int?
    let results: [Item]
    let total_results: Int?
}

struct TMDBMovieSummary: Decodable {
    let id: Int
    let title: String
    let original_title: String?
    let release_date: String?
    let overview: String?
    let poster_path: String?
    let backdrop_path: String?
}

struct TMDBTVSummary: Decodable {
    let id: Int
    let name: String
    let original_name: String?
    let first_air_date: String?
    let overview: String?
    let poster_path: String?
    let backdrop_path: String?
}

/// `/find/{id}`: a TVDB id can match a series and an episode at once (tvdb 72023).
struct TMDBFindResult: Decodable {
    let movie_results: [TMDBMovieSummary]?
    let tv_results: [TMDBTVSummary]?
}

struct TMDBNamed: Decodable {
    let name: String
}

struct TMDBExternalIds: Decodable {
    let imdb_id: String?
    let tvdb_id: Int?
}

struct TMDBAlternativeTitles: Decodable {
    struct Title: Decodable {
        let title: String
        let iso_3166_1: String?
    }
    /// Movies call the list `titles`, series `results`.
    let titles: [Title]?
    let results: [Title]?
}

struct TMDBReleaseDates: Decodable {
    struct Country: Decodable {
        let iso_3166_1: String
        let release_dates: [Release]
    }
    struct Release: Decodable {
        let release_date: String
        /// 1 premiere, 2 limited, 3 theatrical, 4 digital, 5 physical, 6 TV.
        let type: Int
    }
    let results: [Country]
}

struct TMDBMovie: Decodable {
    let id: Int
    let title: String
    let original_title: String?
    let imdb_id: String?
    let release_date: String?
    let status: String?
    let overview: String?
    let runtime: Int?
    let poster_path: String?
    let backdrop_path: String?
    let genres: [TMDBNamed]?
    let production_companies: [TMDBNamed]?
    let external_ids: TMDBExternalIds?
    let alternative_titles: TMDBAlternativeTitles?
    let release_dates: TMDBReleaseDates?
}

struct TMDBSeasonSummary: Decodable {
    let season_number: Int
    let name: String?
    let episode_count: Int?
}

struct TMDBTV: Decodable {
    struct LastEpisode: Decodable {
        let runtime: Int?
    }
    let id: Int
    let name: String
    let original_name: String?
    let first_air_date: String?
    let status: String?
    let type: String?
    let overview: String?
    let poster_path: String?
    let backdrop_path: String?
    let genres: [TMDBNamed]?
    let networks: [TMDBNamed]?
    let episode_run_time: [Int]?
    let last_episode_to_air: LastEpisode?
    let seasons: [TMDBSeasonSummary]?
    let external_ids: TMDBExternalIds?
    let alternative_titles: TMDBAlternativeTitles?
}

struct TMDBSeason: Decodable {
    struct Episode: Decodable {
        let id: Int?
        let episode_number: Int
        let season_number: Int?
        let name: String?
        let air_date: String?
        let overview: String?
        let runtime: Int?
    }
    let season_number: Int
    let episodes: [Episode]
}
