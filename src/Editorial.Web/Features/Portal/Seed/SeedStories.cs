namespace Editorial.Web.Features.Portal.Seed;

/// <summary>
/// The demo database's stories: the real published story of <c>shared/seed/000_97b1773351839a8e.txt</c>
/// (title, lead, body, picture caption, byline and time as published) and its five "Tin khác" neighbours
/// (titles and times as listed there; their leads and bodies are short stand-ins).
/// </summary>
public static class SeedStories
{
    public const string CategorySlug = "hoat-dong-cua-tinh";

    public const string VietnamTime = "20/04/2017 13:00";

    public const string Title = "Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017";

    /// <summary>The lead as stored: the portal adds "CTTĐT – " in front of it.</summary>
    public const string Lead = "Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu gồm các huyện, thành phố về Sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017. Chủ trì Hội nghị có đồng chí Thào Hồng Sơn, Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh, Trưởng Ban chỉ đạo XDCSCTVM; Nguyễn Trung Tài, Ủy viên BTV tỉnh ủy, Trưởng ban Tổ chức Tỉnh ủy, Phó Trưởng ban Thường trực BCĐ XDCSCTVM tỉnh; dự Hội nghị còn có các đồng chí là lãnh đạo một số sở, ban ngành liên quan, các Ban xây dựng đảng, Thường trực cấp ủy và ban chỉ đạo XDCSCTVM cấp huyện, thành phố và một số phòng ban chuyên môn.";

    public const string Caption = "Toàn cảnh Hội nghị";

    public const string Byline = "Trần Khánh - Thu Ngà";

    public static readonly string[] BodyParagraphs =
    [
        "Trong quý I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc, làm tốt công tác tham mưu cho cấp ủy lãnh đạo phát triển kinh tế, văn hóa xã hội, xây dựng Đảng và hệ thống chính trị, giữ vững an ninh chính trị, trật tự an toàn xã hội, chủ quyền biên giới quốc gia.",
        "Đối với Ban chỉ đạo cấp tỉnh, từng đồng chí thành viên trên cương vị công tác được phân công nhất là các đồng chí trưởng các ban đảng Tỉnh ủy đã thực hiện tốt nhiệm vụ được phân công phụ trách các xã, các chi, đảng bộ sở, ban ngành tỉnh thường xuyên xuống cơ sở đôn đốc, chỉ đạo đồng thời làm tốt công tác tham mưu cho cấp ủy tỉnh lãnh đạo, chỉ đạo xây dựng, củng cố, nâng cao chất lượng hoạt động của hệ thống chính trị ở cơ sở, thực hiện nhiệm vụ phát triển kinh tế, xã hội của địa phương.",
        "Ban chỉ đạo các huyện thành phố luôn chủ động, tích cực thường xuyên bám nắm cơ sở; trên cương vị công tác và nhiệm vụ được phân công, các đồng chí thành viên đã làm tốt công tác tham mưu giúp ban thường vụ cấp ủy lãnh đạo, chỉ đạo đảng ủy các xã, phường, thị trấn triển khai thực hiện có hiệu quả các đề án 145, 04, 06 của Tỉnh ủy nhằm nâng cao chất lượng hoạt động, năng lực lãnh đạo của cấp ủy và Ban thường vụ cấp ủy cũng như chất lượng hoạt động của hệ thống chính trị; xây dựng kế hoạch, chương trình công tác trọng tâm năm 2017; quan tâm theo dõi mô hình, cách làm hay hiệu quả để chỉ đạo triển khai nhân rộng…; Đội ngũ cán bộ tăng cường cơ sở đã làm tốt công tác tuyên truyền, vận động quần chúng nhân dân tích cực đẩy mạnh phát triển kinh tế xóa đói giảm nghèo, nâng cao cảnh giác, phòng chống âm mưu diễn biến hòa bình của các thế lực thù địch, chủ động giữ vững ổn định chính trị ở cơ sở.",
        "Báo cáo cũng chỉ ra những tồn tại, hạn chế trong quý I trong công tác XDCSCTVM như một số cơ quan đơn vị doanh nghiệp được phân công phụ trách, giúp đỡ xã chưa thường xuyên bám nắm, làm việc với cơ sở; chưa tích cực tham mưu cho cấp ủy, chính quyền xã trong phát triển kinh tế, xã hội, xóa đói giảm nghèo; việc chấp hành các quy định về sử dụng xe công, phân công trực lãnh đạo vào ngày nghỉ tại một số huyện chưa nghiêm túc; Lãnh đạo rà soát, chuẩn hóa TTHC của một số cơ quan, đơn vị còn chậm; chỉ đạo CCHC thuộc lĩnh vực đăng ký kinh doanh, lĩnh vực thu hút đầu tư, thủ tục giải quyết về đất đai, cấp phép xây dựng, tư pháp còn bất cập… Trong đó nguyên nhân chủ yếu là một số cơ quan, đơn vị, doanh nghiệp được phân công phụ trách, giúp đỡ xã do bận công tác chuyên môn, các hoạt động kinh doanh, thay đổi về nhân sự cán bộ lãnh đạo; đường giao thông đi lại một số xã rất khó khăn… nên chưa thường xuyên bám nắm, làm việc với cơ sở; nguồn lực đầu tư cho phát triển kinh tế, xã hội gặp nhiều khó khăn; công tác thanh tra, kiểm tra, giám sát chưa thật thường xuyên, quyết liệt;..",
        "Về phương hướng nhiệm vụ trọng tâm trong quý II/2017 cần tiếp tục làm tốt công tác tham mưu cho cấp ủy lãnh đạo, ban   hành thực hiện các đề án, quy định về công tác tổ chức xây dựng Đảng và triển khai đồng bộ trong toàn Đảng bộ; tiếp tục lãnh đạo thực hiện nghiêm túc, hiệu quả Kế hoạch tiếp tục kiên quyết, kiên trì thực hiện nghị quyết trung ương 4 khóa XI; Kế hoạch thực hiện Nghị quyết TƯ 4, khóa XII về tăng cường công tác xây dựng, chỉnh đốn đảng; …tham mưu lãnh đạo triển khai đồng bộ các giải pháp thực hiện hiệu quả chương trình khởi nghiệp, phát triển các doanh nghiệp địa phương; các giải pháp tăng thu ngân sách địa phương, thu nợ đọng thuế. Tiếp tục rà soát, kiên quyết cắt giảm, giãn hoãn các công trình sử dụng nguồn vốn Nhà nước chưa thật sự cấp thiết để tập trung cho các công trình cấp bách…",
        "Kết luận tại Hội nghị đồng chí Thào Hồng Sơn thay mặt các đồng chí trong BCĐ XDCSCTVM đã tiếp thu những ý kiến mà các huyện đã tham gia tích cực vào bản báo cáo, cũng như bổ sung các nội dung mà bản báo cáo chưa bao quát hết. Trong quý I,   về trách nhiệm của các thành viên trong BCĐ về cơ bản đã hoàn thành các nhiệm vụ đã đề ra; BCĐ các cấp cần phát huy những ưu điểm khắc phục những yếu kém; Cần tiếp tục tập trung lãnh đạo đề án luân chuyển quy hoạch lãnh đạo các cấp, quan tâm đánh giá hiệu quả chất lượng của các cơ quan đơn vị sự nghiệp sau khi sáp nhập; Tham mưu cho các cấp ủy lãnh đạo chỉ đạo làm tốt công tác xây dựng đảng nhất là ở thôn, tổ dân phố sao cho các chi bộ ở đây hoạt động có hiệu quả; Về đánh giá hiệu quả các chức danh kiêm nhiệm ở cấp xã, thôn cơ bản đã hợp lý tuy nhiên vẫn phải quan tâm tháo gỡ nhưng khó khăn nhất là về chế độ đối với các đồng chí kiêm nhiệm này. Việc CCHC ở các huyện cần được quan tâm hơn nữa nhất là ở các huyện chưa có trung tâm hành chính công…Đồng chí đề nghị các tổ chức chính trị xã hội cần nâng cao công tác tuyên truyền nhất là trong công tác xây dựng NTM, giải quyết tốt vấn đề khiếu nại tố cáo từ cơ sở….",
    ];

    /// <summary>"Tin khác" of the seed page: title and Vietnam time, newest first.</summary>
    public static readonly (string Title, string VietnamTime)[] Neighbours =
    [
        ("Phó Chủ tịch UBND tỉnh Trần Đức Quý thăm, khảo sát cơ sở vật chất một số công trình xây dựng xã Quyết Tiến", "20/04/2017 09:10"),
        ("Ban pháp chế - HĐND tỉnh họp thẩm tra Dự thảo Nghị quyết kèm Tờ trình trình tại kỳ họp thứ tư – HĐND tỉnh khóa XVII, nhiệm kỳ 2016 – 2021", "20/04/2017 09:00"),
        ("Tổng duyệt Lễ hội Chợ tình Khâu Vai", "20/04/2017 08:35"),
        ("Bí thư Tỉnh ủy tiếp xúc cử tri xã Mậu Duệ, huyện Yên Minh", "20/04/2017 08:30"),
        ("Ban Kinh tế HĐND tỉnh họp thẩm tra các văn bản trình kỳ họp thứ tư – HĐND tỉnh", "19/04/2017 15:40"),
    ];
    /// <summary>Leads and bodies of the neighbours, in the order of <see cref="Neighbours"/>.</summary>
    public static readonly (string Lead, string Byline, string[] Body)[] NeighbourTexts =
    [
        (
            "Sáng 20/4, đồng chí Trần Đức Quý, Phó Chủ tịch UBND tỉnh cùng lãnh đạo một số sở, ngành đã đi thăm, khảo sát cơ sở vật chất một số công trình xây dựng trên địa bàn xã Quyết Tiến, huyện Quản Bạ.",
            "Minh Hòa",
            [
                "Đoàn đã đến khảo sát trường Mầm non, trạm y tế xã và tuyến đường liên thôn đang được đầu tư xây dựng từ nguồn vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới.",
                "Phát biểu tại buổi khảo sát, đồng chí Phó Chủ tịch UBND tỉnh đề nghị chủ đầu tư và đơn vị thi công bảo đảm chất lượng, tiến độ công trình; xã tiếp tục vận động nhân dân hiến đất, góp công lao động để hoàn thành các tiêu chí nông thôn mới trong năm 2017.",
            ]),
        (
            "Sáng 20/4, Ban pháp chế HĐND tỉnh tổ chức họp thẩm tra Dự thảo Nghị quyết kèm Tờ trình của UBND tỉnh trình tại kỳ họp thứ tư, HĐND tỉnh khóa XVII, nhiệm kỳ 2016 – 2021.",
            "Văn Tiến",
            [
                "Tại cuộc họp, các thành viên Ban pháp chế đã nghe đại diện các sở, ngành báo cáo, giải trình nội dung các dự thảo nghị quyết thuộc lĩnh vực pháp chế trình tại kỳ họp.",
                "Các ý kiến tập trung làm rõ căn cứ pháp lý, sự cần thiết ban hành và tính khả thi của các nghị quyết; đề nghị cơ quan soạn thảo tiếp thu, hoàn thiện dự thảo trước khi trình kỳ họp.",
            ]),
        (
            "Tối 19/4, Ban Tổ chức Lễ hội Chợ tình Khâu Vai năm 2017 đã tổ chức tổng duyệt chương trình nghệ thuật khai mạc lễ hội tại xã Khâu Vai, huyện Mèo Vạc.",
            "Thu Phương",
            [
                "Chương trình gồm nhiều tiết mục ca, múa, nhạc đặc sắc tái hiện sự tích Chợ tình Khâu Vai cùng những nét văn hóa truyền thống của đồng bào các dân tộc vùng cao nguyên đá.",
                "Sau buổi tổng duyệt, Ban Tổ chức đã góp ý để các đơn vị hoàn thiện tiết mục, bảo đảm lễ hội diễn ra an toàn, trang trọng, thu hút đông đảo du khách.",
            ]),
        (
            "Chiều 19/4, đồng chí Bí thư Tỉnh ủy, Trưởng đoàn đại biểu Quốc hội tỉnh đã tiếp xúc cử tri xã Mậu Duệ, huyện Yên Minh.",
            "Hoàng Anh",
            [
                "Tại buổi tiếp xúc, cử tri phản ánh một số kiến nghị về đầu tư hệ thống đường giao thông, nước sinh hoạt, hỗ trợ giống cây trồng, vật nuôi và chính sách đối với người có uy tín.",
                "Đồng chí Bí thư Tỉnh ủy đã tiếp thu, giải trình các ý kiến thuộc thẩm quyền và đề nghị các cấp, các ngành xem xét, giải quyết kịp thời các kiến nghị chính đáng của cử tri.",
            ]),
        (
            "Chiều 19/4, Ban Kinh tế – Ngân sách HĐND tỉnh tổ chức họp thẩm tra các văn bản của UBND tỉnh trình tại kỳ họp thứ tư, HĐND tỉnh khóa XVII.",
            "Ngọc Lan",
            [
                "Ban đã thẩm tra các tờ trình, dự thảo nghị quyết về điều chỉnh kế hoạch đầu tư công trung hạn, phân bổ vốn và một số cơ chế, chính sách hỗ trợ phát triển kinh tế – xã hội của tỉnh.",
                "Các thành viên Ban đề nghị cơ quan soạn thảo làm rõ nguồn lực thực hiện, bảo đảm việc phân bổ vốn đúng quy định, tập trung cho các công trình trọng điểm, cấp bách.",
            ]),
    ];
}
