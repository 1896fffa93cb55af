namespace Editorial.Tests.Text;

/// <summary>
/// The real story in shared/seed/000_97b1773351839a8e.txt (a provincial portal, 20/04/2017),
/// embedded so the tests do not depend on files outside the repository. Text verbatim, NFC, including
/// its two no-break spaces.
/// </summary>
internal static class SeedStory
{
    /// <summary>The headline.</summary>
    public const string Headline =
        "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm "
        + "2017";

    /// <summary>The lead paragraph, with the dateline.</summary>
    public const string Lead =
        "CTTĐT – Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu "
        + "gồm các huyện, thành phố về Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ "
        + "quý II năm 2017. Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND "
        + "tỉnh, Trưởng Ban chỉ đạo XDCSCTVM; Nguyễn Trung Tài, Ủy viên BTV tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy, Phó "
        + "Trưởng ban Thường trực BCĐ XDCSCTVM tỉnh; dự Hội nghị còn có các đồng chí là lãnh đạo một số sở, ban ngành "
        + "liên quan, các Ban xây dựng đảng, Thường trực cấp ủy và ban chỉ đạo XDCSCTVM cấp huyện, thành phố và một số "
        + "phòng ban chuyên môn.";

    /// <summary>The photo caption between the lead and the body.</summary>
    public const string Caption =
        "Toàn cảnh Hội nghị";

    /// <summary>Body paragraph 1: "Trong quý I/2017…".</summary>
    public const string TrongQuyI =
        "Trong quý I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc, làm tốt công tác tham mưu cho cấp ủy "
        + "lãnh đạo phát triển kinh tế, văn hóa xã hội, xây dựng Đảng và hệ thống chính trị, giữ vững an ninh chính trị, "
        + "trật tự an toàn xã hội, chủ quyền biên giới quốc gia.";

    /// <summary>Body paragraph 2: "Đối với Ban chỉ đạo cấp tỉnh…".</summary>
    public const string DoiVoiBanChiDao =
        "Đối với Ban chỉ đạo cấp tỉnh, từng đồng chí thành viên trên cương vị công tác được phân công nhất là các đồng "
        + "chí trưởng các ban đảng Tỉnh ủy đã thực hiện tốt nhiệm vụ được phân công phụ trách các xã, các chi, đảng bộ "
        + "sở, ban ngành tỉnh thường xuyên xuống cơ sở đôn đốc, chỉ đạo đồng thời làm tốt công tác tham mưu cho cấp ủy "
        + "tỉnh lãnh đạo, chỉ đạo xây dựng, củng cố, nâng cao chất lượng hoạt động của hệ thống chính trị ở cơ sở, thực "
        + "hiện nhiệm vụ phát triển kinh tế, xã hội của địa phương.";

    /// <summary>Body paragraph 3: "Ban chỉ đạo các huyện thành phố…".</summary>
    public const string BanChiDaoCacHuyen =
        "Ban chỉ đạo các huyện thành phố luôn chủ động, tích cực thường xuyên bám nắm cơ sở; trên cương vị công tác và "
        + "nhiệm vụ được phân công, các đồng chí thành viên đã làm tốt công tác tham mưu giúp ban thường vụ cấp ủy lãnh "
        + "đạo, chỉ đạo đảng ủy các xã, phường, thị trấn triển khai thực hiện có hiệu quả các đề án 145, 04, 06 của Tỉnh "
        + "ủy nhằm nâng cao chất lượng hoạt động, năng lực lãnh đạo của cấp ủy và Ban thường vụ cấp ủy cũng như chất "
        + "lượng hoạt động của hệ thống chính trị; xây dựng kế hoạch, chương trình công tác trọng tâm năm 2017; quan tâm "
        + "theo dõi mô hình, cách làm hay hiệu quả để chỉ đạo triển khai nhân rộng…; Đội ngũ cán bộ tăng cường cơ sở đã "
        + "làm tốt công tác tuyên truyền, vận động quần chúng nhân dân tích cực đẩy mạnh phát triển kinh tế xóa đói giảm "
        + "nghèo, nâng cao cảnh giác, phòng chống âm mưu diễn biến hòa bình của các thế lực thù địch, chủ động giữ vững "
        + "ổn định chính trị ở cơ sở.";

    /// <summary>Body paragraph 4: "Báo cáo cũng chỉ ra…" (uses TTHC and CCHC).</summary>
    public const string BaoCaoTonTai =
        "Báo cáo cũng chỉ ra những tồn tại, hạn chế trong quý I trong công tác XDCSCTVM như một số cơ quan đơn vị doanh "
        + "nghiệp được phân công phụ trách, giúp đỡ xã chưa thường xuyên bám nắm, làm việc với cơ sở; chưa tích cực tham "
        + "mưu cho cấp ủy, chính quyền xã trong phát triển kinh tế, xã hội, xóa đói giảm nghèo; việc chấp hành các quy "
        + "định về sử dụng xe công, phân công trực lãnh đạo vào ngày nghỉ tại một số huyện chưa nghiêm túc; Lãnh đạo rà "
        + "soát, chuẩn hóa TTHC của một số cơ quan, đơn vị còn chậm; chỉ đạo CCHC thuộc lĩnh vực đăng ký kinh doanh, lĩnh "
        + "vực thu hút đầu tư, thủ tục giải quyết về đất đai, cấp phép xây dựng, tư pháp còn bất cập… Trong đó nguyên "
        + "nhân chủ yếu là một số cơ quan, đơn vị, doanh nghiệp được phân công phụ trách, giúp đỡ xã do bận công tác "
        + "chuyên môn, các hoạt động kinh doanh, thay đổi về nhân sự cán bộ lãnh đạo; đường giao thông đi lại một số xã "
        + "rất khó khăn… nên chưa thường xuyên bám nắm, làm việc với cơ sở; nguồn lực đầu tư cho phát triển kinh tế, xã "
        + "hội gặp nhiều khó khăn; công tác thanh tra, kiểm tra, giám sát chưa thật thường xuyên, quyết liệt;..";

    /// <summary>Body paragraph 5: "Về phương hướng…" (its "ban \u00A0 hành" is in the original).</summary>
    public const string PhuongHuong =
        "Về phương hướng nhiệm vụ trọng tâm trong quý II/2017 cần tiếp tục làm tốt công tác tham mưu cho cấp ủy lãnh "
        + "đạo, ban \u00A0 hành thực hiện các đề án, quy định về công tác tổ chức xây dựng Đảng và triển khai đồng bộ trong "
        + "toàn Đảng bộ; tiếp tục lãnh đạo thực hiện nghiêm túc, hiệu quả Kế hoạch tiếp tục kiên quyết, kiên trì thực "
        + "hiện nghị quyết trung ương 4 khóa XI; Kế hoạch thực hiện Nghị quyết TƯ 4, khóa XII về tăng cường công tác xây "
        + "dựng, chỉnh đốn đảng; …tham mưu lãnh đạo triển khai đồng bộ các giải pháp thực hiện hiệu quả chương trình khởi "
        + "nghiệp, phát triển các doanh nghiệp địa phương; các giải pháp tăng thu ngân sách địa phương, thu nợ đọng thuế. "
        + "Tiếp tục rà soát, kiên quyết cắt giảm, giãn hoãn các công trình sử dụng nguồn vốn Nhà nước chưa thật sự cấp "
        + "thiết để tập trung cho các công trình cấp bách…";

    /// <summary>Body paragraph 6: "Kết luận tại Hội nghị…" (uses NTM).</summary>
    public const string KetLuan =
        "Kết luận tại Hội nghị đồng chí Thào Hồng Sơn thay mặt các đồng chí trong BCĐ XDCSCTVM đã tiếp thu những ý kiến "
        + "mà các huyện đã tham gia tích cực vào bản báo cáo, cũng như bổ sung các nội dung mà bản báo cáo chưa bao quát "
        + "hết. Trong quý I, \u00A0 về trách nhiệm của các thành viên trong BCĐ về cơ bản đã hoàn thành các nhiệm vụ đã đề ra; "
        + "BCĐ các cấp cần phát huy những ưu điểm khắc phục những yếu kém; Cần tiếp tục tập trung lãnh đạo đề án luân "
        + "chuyển quy hoạch lãnh đạo các cấp, quan tâm đánh giá hiệu quả chất lượng của các cơ quan đơn vị sự nghiệp sau "
        + "khi sáp nhập; Tham mưu cho các cấp ủy lãnh đạo chỉ đạo làm tốt công tác xây dựng đảng nhất là ở thôn, tổ dân "
        + "phố sao cho các chi bộ ở đây hoạt động có hiệu quả; Về đánh giá hiệu quả các chức danh kiêm nhiệm ở cấp xã, "
        + "thôn cơ bản đã hợp lý tuy nhiên vẫn phải quan tâm tháo gỡ nhưng khó khăn nhất là về chế độ đối với các đồng "
        + "chí kiêm nhiệm này. Việc CCHC ở các huyện cần được quan tâm hơn nữa nhất là ở các huyện chưa có trung tâm hành "
        + "chính công…Đồng chí đề nghị các tổ chức chính trị xã hội cần nâng cao công tác tuyên truyền nhất là trong công "
        + "tác xây dựng NTM, giải quyết tốt vấn đề khiếu nại tố cáo từ cơ sở….";

    /// <summary>Headline, lead, caption and body as the story reads, paragraphs separated by a blank line.</summary>
    public static string FullText { get; } = string.Join(
        "\n\n",
        Headline,
        Lead,
        Caption,
        TrongQuyI,
        DoiVoiBanChiDao,
        BanChiDaoCacHuyen,
        BaoCaoTonTai,
        PhuongHuong,
        KetLuan);
}
