using System.Text;
using Editorial.Core.Articles;
using Editorial.Core.Articles.Revisions;
using Editorial.Core.Time;
using Editorial.Tests.Text;

namespace Editorial.Tests.Articles.Revisions;

public sealed class RevisionDiffTests
{
    private static readonly ArticleContent Seed = SeedArticle.Content;

    [Fact]
    public void IdenticalContents_HaveNoDifferences()
    {
        Assert.Empty(RevisionDiff.Compare(Seed, Seed with { Tags = [.. Seed.Tags] }));
        Assert.Empty(RevisionDiff.Compare(new ArticleContent(), new ArticleContent()));
    }

    [Fact]
    public void TitleChange_ShowsTheExactWordsReplaced()
    {
        var edited = Seed with { Title = SeedStory.Headline.Replace("sơ kết", "tổng kết", StringComparison.Ordinal) };

        var field = Assert.Single(RevisionDiff.Compare(Seed, edited));

        Assert.Equal(RevisionFields.Title, field.Field);
        var line = Assert.Single(field.Lines);
        Assert.Equal(DiffLineKind.Modified, line.Kind);
        Assert.Equal(SeedStory.Headline, line.OldText);
        Assert.Equal(edited.Title, line.NewText);
        Assert.Equal(
            [
                new DiffSpan(DiffSpanKind.Unchanged, "Hội nghị trực tuyến "),
                new DiffSpan(DiffSpanKind.Deleted, "sơ"),
                new DiffSpan(DiffSpanKind.Inserted, "tổng"),
                new DiffSpan(DiffSpanKind.Unchanged, " kết công tác xây dựng cơ sở chính trị vững mạnh quý I, phương hướng nhiệm vụ quý II năm 2017"),
            ],
            line.Spans);
        AssertSpansSpellBothLines(line);
    }

    [Fact]
    public void ReplacedPhrase_IsOneDeletionAndOneInsertion()
    {
        var edited = Seed with { Title = SeedStory.Headline.Replace("quý I, phương hướng nhiệm vụ quý II", "6 tháng đầu năm", StringComparison.Ordinal) };

        var line = Assert.Single(Assert.Single(RevisionDiff.Compare(Seed, edited)).Lines);

        Assert.Equal(
            [DiffSpanKind.Unchanged, DiffSpanKind.Deleted, DiffSpanKind.Inserted, DiffSpanKind.Unchanged],
            line.Spans.Select(s => s.Kind));
        Assert.Equal("quý I, phương hướng nhiệm vụ quý II", line.Spans[1].Text);
        Assert.Equal("6 tháng đầu năm", line.Spans[2].Text);
        AssertSpansSpellBothLines(line);
    }

    [Fact]
    public void InsertedBodyParagraph_IsOneInsertedLine()
    {
        const string added = "Hội nghị cũng đã thống nhất lịch kiểm tra cơ sở trong quý II.";
        var paragraphs = SeedArticle.BodyParagraphs.ToList();
        paragraphs.Insert(2, added);

        var lines = BodyDiff(Seed with { BodyHtml = SeedArticle.Body(paragraphs) });

        var inserted = Assert.Single(lines, l => l.Kind != DiffLineKind.Unchanged);
        Assert.Equal(DiffLineKind.Inserted, inserted.Kind);
        Assert.Equal(added, inserted.NewText);
        Assert.Equal("", inserted.OldText);
        Assert.Equal(3, lines.IndexOf(inserted)); // After the caption and two paragraphs.
        Assert.Equal(8, lines.Count);
    }

    [Fact]
    public void DeletedBodyParagraph_IsOneDeletedLine()
    {
        var paragraphs = SeedArticle.BodyParagraphs.Where(p => p != SeedStory.BaoCaoTonTai);

        var lines = BodyDiff(Seed with { BodyHtml = SeedArticle.Body(paragraphs) });

        var deleted = Assert.Single(lines, l => l.Kind != DiffLineKind.Unchanged);
        Assert.Equal(DiffLineKind.Deleted, deleted.Kind);
        Assert.Equal(SeedStory.BaoCaoTonTai, deleted.OldText);
    }

    [Fact]
    public void ModifiedBodyParagraph_ShowsTheWordsThatChanged()
    {
        var paragraphs = SeedArticle.BodyParagraphs.Select(p => p == SeedStory.TrongQuyI ? p.Replace("duy trì tốt", "duy trì nghiêm", StringComparison.Ordinal) : p);

        var lines = BodyDiff(Seed with { BodyHtml = SeedArticle.Body(paragraphs) });

        var modified = Assert.Single(lines, l => l.Kind != DiffLineKind.Unchanged);
        Assert.Equal(DiffLineKind.Modified, modified.Kind);
        Assert.Equal([new DiffSpan(DiffSpanKind.Deleted, "tốt"), new DiffSpan(DiffSpanKind.Inserted, "nghiêm")], modified.Spans.Where(s => s.Kind != DiffSpanKind.Unchanged));
        AssertSpansSpellBothLines(modified);
    }

    [Fact]
    public void DeletionNextToAnEdit_IsNotMistakenForAModification()
    {
        // Paragraph 2 deleted and paragraph 3 edited: a positional pairing would call paragraph 2 "modified"
        // into paragraph 3.
        var paragraphs = SeedArticle.BodyParagraphs
            .Where(p => p != SeedStory.DoiVoiBanChiDao)
            .Select(p => p == SeedStory.BanChiDaoCacHuyen ? p.Replace("luôn chủ động", "chủ động", StringComparison.Ordinal) : p);

        var changed = BodyDiff(Seed with { BodyHtml = SeedArticle.Body(paragraphs) }).Where(l => l.Kind != DiffLineKind.Unchanged).ToList();

        Assert.Equal([DiffLineKind.Deleted, DiffLineKind.Modified], changed.Select(l => l.Kind));
        Assert.Equal(SeedStory.DoiVoiBanChiDao, changed[0].OldText);
        Assert.Equal(SeedStory.BanChiDaoCacHuyen, changed[1].OldText);
        Assert.Equal([new DiffSpan(DiffSpanKind.Deleted, "luôn ")], changed[1].Spans.Where(s => s.Kind != DiffSpanKind.Unchanged));
    }

    [Fact]
    public void DecomposedText_IsTheSameAsComposedText()
    {
        static string D(string text) => text.Normalize(NormalizationForm.FormD);
        var decomposed = Seed with
        {
            Title = D(Seed.Title),
            Lead = D(Seed.Lead),
            BodyHtml = D(Seed.BodyHtml),
            FeaturedImageCaption = D(Seed.FeaturedImageCaption),
            Byline = D(Seed.Byline),
            Tags = [.. Seed.Tags.Select(D)],
            Meeting = Seed.Meeting! with
            {
                Organizer = D(Seed.Meeting.Organizer),
                Chairs = [.. Seed.Meeting.Chairs.Select(c => new MeetingChair(D(c.Name), D(c.Titles)))],
            },
        };
        Assert.NotEqual(Seed.Title, decomposed.Title);

        Assert.Empty(RevisionDiff.Compare(Seed, decomposed));
    }

    [Fact]
    public void MeetingDetailsChange_ShowsUpPartByPart()
    {
        var meeting = Seed.Meeting!;
        var edited = Seed with
        {
            Meeting = meeting with
            {
                Sites = 12,
                Place = "Hội trường Tỉnh ủy",
                Chairs = [meeting.Chairs[0] with { Titles = "Chủ tịch HĐND tỉnh" }, meeting.Chairs[1]],
            },
        };

        var field = Assert.Single(RevisionDiff.Compare(Seed, edited));

        Assert.Equal(RevisionFields.Meeting, field.Field);
        var changed = field.Lines.Where(l => l.Kind != DiffLineKind.Unchanged).ToList();
        Assert.Equal(
            [
                (RevisionFields.MeetingParts.Sites, DiffLineKind.Modified),
                (RevisionFields.MeetingParts.Place, DiffLineKind.Inserted),
                (RevisionFields.MeetingParts.Chairs, DiffLineKind.Modified),
            ],
            changed.Select(l => (l.Part!, l.Kind)));
        Assert.Equal("11", changed[0].OldText);
        Assert.Equal("12", changed[0].NewText);
        Assert.Equal("Hội trường Tỉnh ủy", changed[1].NewText);
        Assert.Equal("Thào Hồng Sơn, Chủ tịch HĐND tỉnh", changed[2].NewText);
        Assert.All(field.Lines, line => Assert.NotNull(line.Part));
        Assert.Contains(field.Lines, l => l is { Part: RevisionFields.MeetingParts.Organizer, Kind: DiffLineKind.Unchanged });
    }

    [Fact]
    public void MeetingFormat_IsShownInVietnamese()
    {
        var edited = Seed with { Meeting = Seed.Meeting! with { Format = MeetingFormat.InPerson } };

        var line = Assert.Single(Assert.Single(RevisionDiff.Compare(Seed, edited)).Lines, l => l.Kind != DiffLineKind.Unchanged);

        Assert.Equal((RevisionFields.MeetingParts.Format, "Trực tuyến", "Trực tiếp"), (line.Part, line.OldText, line.NewText));
    }

    [Fact]
    public void MeetingAdded_IsAllInserted()
    {
        var plain = Seed with { Kind = ArticleKind.Plain, Meeting = null };

        var fields = RevisionDiff.Compare(plain, Seed);

        Assert.Equal([RevisionFields.Kind, RevisionFields.Meeting], fields.Select(f => f.Field));
        Assert.All(fields[1].Lines, line => Assert.Equal(DiffLineKind.Inserted, line.Kind));
        Assert.Equal(8, fields[1].Lines.Count); // Organizer, subject, format, sites, sites description, two chairs, attendees.
    }

    [Fact]
    public void SeedStory_AgainstALightlyEditedCopy_IsASmallDiff()
    {
        var paragraphs = SeedArticle.BodyParagraphs.Select(p => p == SeedStory.PhuongHuong
            ? p.Replace("ban \u00A0 hành", "ban hành", StringComparison.Ordinal)
            : p);
        var edited = Seed with
        {
            Lead = Seed.Lead.Replace("Sáng 20/4", "Sáng ngày 20/4", StringComparison.Ordinal),
            BodyHtml = SeedArticle.Body(paragraphs),
        };

        var fields = RevisionDiff.Compare(Seed, edited);

        Assert.Equal([RevisionFields.Lead, RevisionFields.Body], fields.Select(f => f.Field));
        Assert.Equal([new DiffSpan(DiffSpanKind.Inserted, "ngày ")], Assert.Single(fields[0].Lines).Spans.Where(s => s.Kind != DiffSpanKind.Unchanged));

        var body = RevisionDiff.CollapseUnchanged(fields[1].Lines);
        Assert.Equal(
            [DiffLineKind.Collapsed, DiffLineKind.Modified, DiffLineKind.Unchanged],
            body.Select(l => l.Kind));
        Assert.Equal(5, body[0].Count); // Caption and four paragraphs before the edit.
        Assert.Equal("… 5 đoạn không đổi", body[0].OldText);
        Assert.Equal("… 5 đoạn không đổi", body[0].NewText);
        AssertSpansSpellBothLines(body[1]);
    }

    [Fact]
    public void CollapseUnchanged_FoldsOnlyRunsLongerThanThree()
    {
        static DiffLine Same(string text) => new() { Kind = DiffLineKind.Unchanged, OldText = text, NewText = text };
        var inserted = new DiffLine { Kind = DiffLineKind.Inserted, NewText = "mới" };
        DiffLine[] lines = [Same("1"), Same("2"), Same("3"), inserted, Same("4"), Same("5"), Same("6"), Same("7"), inserted, Same("8")];

        var collapsed = RevisionDiff.CollapseUnchanged(lines);

        Assert.Equal(
            [DiffLineKind.Unchanged, DiffLineKind.Unchanged, DiffLineKind.Unchanged, DiffLineKind.Inserted, DiffLineKind.Collapsed, DiffLineKind.Inserted, DiffLineKind.Unchanged],
            collapsed.Select(l => l.Kind));
        Assert.Equal(4, collapsed[4].Count);
        Assert.Equal("… 4 đoạn không đổi", collapsed[4].NewText);
        Assert.Equal(lines.Length, collapsed.Sum(l => l.Kind == DiffLineKind.Collapsed ? l.Count : 1));
    }

    [Fact]
    public void ReplacedTag_IsADeletionAndAnInsertion()
    {
        var edited = Seed with { Tags = ["Hội nghị", "Hà Giang", "Ban Chỉ đạo"] };

        var field = Assert.Single(RevisionDiff.Compare(Seed, edited));

        Assert.Equal(RevisionFields.Tags, field.Field);
        Assert.Equal(
            [
                (DiffLineKind.Unchanged, "Hội nghị", "Hội nghị"),
                (DiffLineKind.Deleted, "XDCSCTVM", ""),
                (DiffLineKind.Inserted, "", "Hà Giang"),
                (DiffLineKind.Unchanged, "Ban Chỉ đạo", "Ban Chỉ đạo"),
            ],
            field.Lines.Select(l => (l.Kind, l.OldText, l.NewText)));
    }

    [Fact]
    public void IdsAndTimes_AreShownReadably()
    {
        var zone = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        var options = new RevisionDiffOptions
        {
            CategoryName = id => id switch { 3 => "Hoạt động của tỉnh", 4 => "Tin trong nước", _ => null },
            Time = new PortalTime(TimeProvider.System, zone),
        };
        var edited = Seed with { CategoryId = 4, EventAtUtc = Seed.EventAtUtc!.Value.AddHours(2), Byline = "Trần Khánh" };

        var fields = RevisionDiff.Compare(Seed, edited, options);

        Assert.Equal([RevisionFields.Category, RevisionFields.Byline, RevisionFields.EventAt], fields.Select(f => f.Field));
        Assert.Equal(("Hoạt động của tỉnh", "Tin trong nước"), (fields[0].Lines[0].OldText, fields[0].Lines[0].NewText));
        Assert.Equal(("20/04/2017 08:00", "20/04/2017 10:00"), (fields[2].Lines[0].OldText, fields[2].Lines[0].NewText));
        Assert.Equal([new DiffSpan(DiffSpanKind.Unchanged, "Trần Khánh"), new DiffSpan(DiffSpanKind.Deleted, " - Thu Ngà")], fields[1].Lines[0].Spans);
    }

    [Fact]
    public void WithoutOptions_IdsAndUtcTimesAreShown()
    {
        var edited = Seed with { CategoryId = null, EventAtUtc = Seed.EventAtUtc!.Value.AddMinutes(30), FeaturedImageId = null };

        var fields = RevisionDiff.Compare(Seed, edited);

        Assert.Equal([RevisionFields.Category, RevisionFields.FeaturedImage, RevisionFields.EventAt], fields.Select(f => f.Field));
        Assert.Equal((DiffLineKind.Deleted, "3"), (fields[0].Lines[0].Kind, fields[0].Lines[0].OldText));
        Assert.Equal("5f0c9a57-7d1e-4b8e-9a43-3c7e2f1d9b10", fields[1].Lines[0].OldText);
        Assert.Equal("20/04/2017 01:30 UTC", fields[2].Lines[0].NewText);
    }

    [Fact]
    public void MarkupOnlyChanges_AreNotBodyChanges()
    {
        // The body is compared as the reader reads it: bold, a link target or a sanitised-away style are not text.
        var edited = Seed with { BodyHtml = Seed.BodyHtml.Replace("<p>Trong quý I/2017", "<p style=\"color:red\"><strong>Trong</strong> quý I/2017", StringComparison.Ordinal) };

        Assert.Empty(RevisionDiff.Compare(Seed, edited));
    }

    [Fact]
    public void WordSpans_KeepVietnameseSyllablesWhole()
    {
        var edited = Seed with { Byline = "Trần Khánh - Thu Ngân" };

        var line = Assert.Single(Assert.Single(RevisionDiff.Compare(Seed, edited)).Lines);

        Assert.Equal([new DiffSpan(DiffSpanKind.Deleted, "Ngà"), new DiffSpan(DiffSpanKind.Inserted, "Ngân")], line.Spans.Where(s => s.Kind != DiffSpanKind.Unchanged));
    }

    [Fact]
    public void NullContent_IsRefused()
    {
        Assert.Throws<ArgumentNullException>(() => RevisionDiff.Compare(null!, Seed));
        Assert.Throws<ArgumentNullException>(() => RevisionDiff.Compare(Seed, null!));
    }

    private static List<DiffLine> BodyDiff(ArticleContent edited)
    {
        var field = Assert.Single(RevisionDiff.Compare(Seed, edited));
        Assert.Equal(RevisionFields.Body, field.Field);
        foreach (var line in field.Lines.Where(l => l.Kind == DiffLineKind.Modified))
        {
            AssertSpansSpellBothLines(line);
        }

        return [.. field.Lines];
    }

    private static void AssertSpansSpellBothLines(DiffLine line)
    {
        Assert.Equal(line.OldText, string.Concat(line.Spans.Where(s => s.Kind != DiffSpanKind.Inserted).Select(s => s.Text)));
        Assert.Equal(line.NewText, string.Concat(line.Spans.Where(s => s.Kind != DiffSpanKind.Deleted).Select(s => s.Text)));
    }
}
