using System.Text;
using Editorial.Core.Text;
using Microsoft.Data.Sqlite;

namespace Editorial.Bench;

/// <summary>
/// Fills a migrated and seeded data folder with published stories: Vietnamese titles, leads and bodies made
/// from word lists and sentence templates in the style of the seed story (a provincial e-portal's meeting
/// reports), spread over the visible categories, published over several years. One transaction, one
/// prepared command; the search index is left to the app's start-up reconciliation.
/// </summary>
internal static class StoryGenerator
{
    private static readonly string[] FamilyNames = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Thào", "Lý", "Vàng", "Sùng", "Lục"];
    private static readonly string[] MiddleNames = ["Văn", "Thị", "Đức", "Hồng", "Minh", "Quang", "Thanh", "Ngọc", "Trung", "Mạnh", "Thu"];
    private static readonly string[] GivenNames = ["Sơn", "Tài", "Quý", "Lan", "Hùng", "Dũng", "Hà", "Ngà", "Khánh", "Tuấn", "Thảo", "Hiền", "Long", "Phúc", "Giàng", "Chử", "Dương", "Yến"];

    private static readonly string[] Officials =
    [
        "Chủ tịch UBND tỉnh", "Phó Chủ tịch UBND tỉnh", "Bí thư Tỉnh ủy", "Phó Bí thư Thường trực Tỉnh ủy", "Chủ tịch HĐND tỉnh",
        "Phó Chủ tịch HĐND tỉnh", "Trưởng ban Tổ chức Tỉnh ủy", "Trưởng ban Tuyên giáo Tỉnh ủy", "Giám đốc Sở Kế hoạch và Đầu tư",
        "Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "Giám đốc Sở Giáo dục và Đào tạo", "Chủ tịch Ủy ban MTTQ tỉnh",
    ];

    private static readonly string[] Organisers =
    [
        "Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh tỉnh", "UBND tỉnh", "Ban Thường vụ Tỉnh ủy", "Thường trực HĐND tỉnh",
        "Sở Kế hoạch và Đầu tư", "Sở Nông nghiệp và Phát triển nông thôn", "Ban Dân tộc tỉnh", "Sở Văn hóa, Thể thao và Du lịch",
        "Ban Chỉ đạo Chương trình mục tiêu quốc gia xây dựng nông thôn mới", "Ủy ban MTTQ tỉnh", "Sở Tài nguyên và Môi trường",
        "Ban An toàn giao thông tỉnh", "Sở Y tế", "Sở Thông tin và Truyền thông",
    ];

    private static readonly string[] Districts = ["Yên Minh", "Đồng Văn", "Mèo Vạc", "Quản Bạ", "Bắc Mê", "Vị Xuyên", "Bắc Quang", "Quang Bình", "Hoàng Su Phì", "Xín Mần"];
    private static readonly string[] Communes = ["Mậu Duệ", "Quyết Tiến", "Khâu Vai", "Lũng Cú", "Tùng Vài", "Thuận Hòa", "Phương Thiện", "Ngọc Đường", "Lũng Hồ", "Sủng Máng", "Na Khê", "Minh Ngọc", "Thượng Sơn", "Việt Lâm"];

    private static readonly string[] Topics =
    [
        "xây dựng nông thôn mới", "cải cách hành chính", "giảm nghèo bền vững", "phát triển du lịch cộng đồng", "phòng, chống thiên tai",
        "chuyển đổi số", "xây dựng cơ sở chính trị vững mạnh", "đầu tư công trung hạn", "quản lý, bảo vệ rừng", "phát triển kinh tế tập thể",
        "bảo đảm trật tự an toàn giao thông", "giáo dục và đào tạo", "chăm sóc sức khỏe nhân dân", "thu ngân sách nhà nước",
        "công tác dân tộc", "xây dựng Đảng và hệ thống chính trị", "phòng, chống tham nhũng", "phát triển cây dược liệu", "tiếp công dân",
        "bảo tồn di sản văn hóa", "sắp xếp đơn vị hành chính cấp xã",
    ];

    private static readonly string[] Events = ["Lễ hội Chợ tình Khâu Vai", "Lễ hội hoa Tam giác mạch", "Tuần Văn hóa – Du lịch", "Hội chợ thương mại – nông sản", "Giải Việt dã truyền thống", "Ngày hội Văn hóa các dân tộc"];
    private static readonly string[] Boards = ["Kinh tế – Ngân sách", "Văn hóa – Xã hội", "Pháp chế", "Dân tộc"];
    private static readonly string[] Documents = ["Dự thảo Nghị quyết về kế hoạch đầu tư công năm", "các tờ trình trình kỳ họp thường lệ năm", "Dự thảo Nghị quyết về dự toán ngân sách năm", "báo cáo kết quả thực hiện nhiệm vụ kinh tế – xã hội năm"];
    private static readonly string[] Facilities = ["cơ sở vật chất trường học", "công trình thủy lợi", "tuyến đường liên xã", "trạm y tế", "nhà văn hóa thôn", "mô hình trồng cây dược liệu"];
    private static readonly string[] Actors = ["các cấp ủy, chính quyền", "các sở, ban, ngành", "Ban Chỉ đạo các huyện, thành phố", "đội ngũ cán bộ tăng cường cơ sở", "Mặt trận Tổ quốc và các đoàn thể", "UBND các xã, phường, thị trấn"];
    private static readonly string[] Verbs = ["tập trung lãnh đạo, chỉ đạo", "triển khai đồng bộ các giải pháp", "tăng cường kiểm tra, đôn đốc", "đẩy mạnh tuyên truyền, vận động", "rà soát, đánh giá toàn diện", "chủ động tham mưu"];
    private static readonly string[] Results =
    [
        "góp phần giữ vững an ninh chính trị, trật tự an toàn xã hội", "tạo chuyển biến rõ nét về nhận thức và hành động",
        "đời sống vật chất, tinh thần của nhân dân từng bước được nâng lên", "nhiều mô hình, cách làm hay được nhân rộng",
        "hoàn thành và vượt các chỉ tiêu đề ra", "thu hút đông đảo nhân dân tham gia",
    ];
    private static readonly string[] Problems =
    [
        "một số cơ quan, đơn vị chưa thường xuyên bám nắm cơ sở", "nguồn lực đầu tư còn hạn chế", "công tác phối hợp có lúc chưa chặt chẽ",
        "địa bàn rộng, giao thông đi lại khó khăn", "việc giải ngân vốn đầu tư công còn chậm", "chất lượng đội ngũ cán bộ cơ sở chưa đồng đều",
    ];
    private static readonly string[] Goals =
    [
        "phấn đấu hoàn thành thắng lợi các mục tiêu năm", "bảo đảm tiến độ, chất lượng và hiệu quả", "nâng cao chất lượng hoạt động của hệ thống chính trị ở cơ sở",
        "tạo sức lan tỏa mạnh mẽ trong toàn tỉnh", "khắc phục dứt điểm những tồn tại, hạn chế",
    ];
    private static readonly string[] Headings = ["Kết quả", "Tồn tại, hạn chế", "Phương hướng nhiệm vụ", "Kết luận"];
    private static readonly string[] Quarters = ["I", "II", "III", "IV"];

    /// <summary>Inserts <paramref name="count"/> published stories into the database at <paramref name="databasePath"/>.</summary>
    public static void Fill(string databasePath, int count, Action<string> log)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA synchronous = OFF");

        var categories = new List<int>();
        using (var query = connection.CreateCommand())
        {
            query.CommandText = """SELECT "Id" FROM "Categories" WHERE "IsHidden" = 0 ORDER BY "Id" """;
            using var reader = query.ExecuteReader();
            while (reader.Read())
            {
                categories.Add(reader.GetInt32(0));
            }
        }

        string authorId;
        using (var query = connection.CreateCommand())
        {
            query.CommandText = """SELECT "CreatedById" FROM "Articles" ORDER BY "Id" LIMIT 1""";
            authorId = query.ExecuteScalar() as string
                ?? throw new InvalidOperationException("The seeded database holds no story to take the author from (demo accounts off?).");
        }

        if (categories.Count == 0)
        {
            throw new InvalidOperationException("The seeded database holds no visible category.");
        }

        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "Articles" ("Title", "TitleFolded", "Slug", "Kind", "State", "CategoryId", "Lead", "BodyHtml",
                "FeaturedImageCaption", "Byline", "Tags", "CreatedById", "CreatedAtUtc", "UpdatedById", "UpdatedAtUtc", "Version", "PublishedAtUtc")
            VALUES ($title, $titleFolded, $slug, 'Plain', 'Published', $category, $lead, $body, '', $byline, '[]', $author, $created, $author, $published, 1, $published)
            """;
        var title = insert.Parameters.Add("$title", SqliteType.Text);
        var titleFolded = insert.Parameters.Add("$titleFolded", SqliteType.Text);
        var slug = insert.Parameters.Add("$slug", SqliteType.Text);
        var category = insert.Parameters.Add("$category", SqliteType.Integer);
        var lead = insert.Parameters.Add("$lead", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Text);
        var byline = insert.Parameters.Add("$byline", SqliteType.Text);
        insert.Parameters.AddWithValue("$author", authorId);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        var published = insert.Parameters.Add("$published", SqliteType.Integer);
        insert.Prepare();

        // Publication times from 1 January 2017 to yesterday, in order, so ids follow publication as they would.
        var first = new DateTimeOffset(2017, 1, 1, 1, 0, 0, TimeSpan.Zero).UtcTicks;
        var last = DateTimeOffset.UtcNow.AddDays(-1).UtcTicks;
        var step = (last - first) / Math.Max(count, 1);
        var random = new Random(20170420);
        var text = new StringBuilder(4096);

        for (var i = 0; i < count; i++)
        {
            var when = first + i * step + (long)(random.NextDouble() * step * 0.9);
            var date = new DateTimeOffset(when, TimeSpan.Zero).ToOffset(TimeSpan.FromHours(7));
            var storyTitle = Title(random, date);
            title.Value = storyTitle;
            titleFolded.Value = VietnameseText.Fold(storyTitle);
            slug.Value = VietnameseText.Slugify(storyTitle, 90) + "-" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            category.Value = categories[random.Next(categories.Count)];
            lead.Value = Lead(random, date);
            body.Value = Body(random, text);
            byline.Value = Name(random) + " - " + Name(random);
            created.Value = when - TimeSpan.TicksPerHour * 2;
            published.Value = when;
            insert.ExecuteNonQuery();

            if ((i + 1) % 20000 == 0)
            {
                log($"  {i + 1:N0} / {count:N0} stories");
            }
        }

        transaction.Commit();
        Exec(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    internal static string Name(Random random) =>
        $"{Pick(random, FamilyNames)} {Pick(random, MiddleNames)} {Pick(random, GivenNames)}";

    internal static string Title(Random random, DateTimeOffset date)
    {
        var quarter = random.Next(4);
        return random.Next(9) switch
        {
            0 => $"Hội nghị {(random.Next(2) == 0 ? "trực tuyến " : "")}sơ kết công tác {Pick(random, Topics)} quý {Quarters[quarter]}, phương hướng nhiệm vụ quý {Quarters[(quarter + 1) % 4]} năm {date.Year}",
            1 => $"{Pick(random, Officials)} {Name(random)} thăm, khảo sát {Pick(random, Facilities)} xã {Pick(random, Communes)}",
            2 => $"Ban {Pick(random, Boards)} HĐND tỉnh họp thẩm tra {Pick(random, Documents)} {date.Year + 1}",
            3 => $"{Pick(random, Officials)} tiếp xúc cử tri xã {Pick(random, Communes)}, huyện {Pick(random, Districts)}",
            4 => $"Tổng kết {random.Next(3, 11)} năm thực hiện chương trình {Pick(random, Topics)} tại huyện {Pick(random, Districts)}",
            5 => $"Huyện {Pick(random, Districts)} đẩy mạnh {Pick(random, Topics)}",
            6 => $"Khai mạc {Pick(random, Events)} năm {date.Year}",
            7 => $"Tập huấn nghiệp vụ {Pick(random, Topics)} cho cán bộ cấp xã",
            _ => $"{Pick(random, Organisers)} triển khai nhiệm vụ {Pick(random, Topics)} năm {date.Year}",
        };
    }

    internal static string Lead(Random random, DateTimeOffset date)
    {
        var part = date.Hour < 12 ? "Sáng" : "Chiều";
        var form = random.Next(2) == 0
            ? $"đã họp trực tuyến với {random.Next(5, 14)} điểm cầu gồm các huyện, thành phố"
            : $"đã tổ chức Hội nghị tại huyện {Pick(random, Districts)}";
        return $"CTTĐT – {part} {date.Day}/{date.Month}, {Pick(random, Organisers)} {form} về {Pick(random, Topics)}. "
            + $"Chủ trì Hội nghị có đồng chí {Name(random)}, {Pick(random, Officials)}; dự Hội nghị còn có lãnh đạo một số sở, ban, ngành liên quan và {Pick(random, Actors)}.";
    }

    internal static string Body(Random random, StringBuilder text)
    {
        text.Clear();
        var paragraphs = random.Next(4, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0 && p % 2 == 0 && p / 2 - 1 < Headings.Length)
            {
                text.Append("<h2>").Append(Headings[p / 2 - 1]).Append("</h2>\n");
            }

            text.Append("<p>");
            var sentences = random.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                if (s > 0)
                {
                    text.Append(' ');
                }

                text.Append(random.Next(5) switch
                {
                    0 => $"Trong thời gian qua, {Pick(random, Actors)} đã {Pick(random, Verbs)} công tác {Pick(random, Topics)}, {Pick(random, Results)}.",
                    1 => $"Bên cạnh kết quả đạt được, công tác {Pick(random, Topics)} vẫn còn một số tồn tại, hạn chế như {Pick(random, Problems)}; {Pick(random, Problems)}.",
                    2 => $"Về phương hướng nhiệm vụ thời gian tới, {Pick(random, Actors)} cần {Pick(random, Verbs)} {Pick(random, Topics)}, {Pick(random, Goals)}.",
                    3 => $"Kết luận tại Hội nghị, đồng chí {Name(random)}, {Pick(random, Officials)} đề nghị {Pick(random, Actors)} {Pick(random, Verbs)} {Pick(random, Topics)}.",
                    _ => $"Tại xã {Pick(random, Communes)}, huyện {Pick(random, Districts)}, {Pick(random, Actors)} {Pick(random, Verbs)}, {Pick(random, Results)}.",
                });
            }

            text.Append("</p>\n");
        }

        return text.ToString();
    }
}
