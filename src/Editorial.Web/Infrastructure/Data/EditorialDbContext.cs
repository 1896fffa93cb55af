using Editorial.Core.Articles;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// The one context every feature injects. On SQLite it is used as is (its migrations are in Migrations/);
/// on PostgreSQL the app creates <see cref="PostgreSqlEditorialDbContext"/>, the same model with its own
/// migrations, and hands it out as this type.
/// </summary>
public class EditorialDbContext : IdentityDbContext<ApplicationUser, IdentityRole, string>, IDataProtectionKeyContext
{
    public EditorialDbContext(DbContextOptions<EditorialDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's derived context, whose options name the derived type.</summary>
    protected EditorialDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>ASP.NET Core data-protection keys: in the database, so every instance reads the same ring.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();

    public DbSet<MediaAsset> MediaAssets => Set<MediaAsset>();

    public DbSet<StoryComment> StoryComments => Set<StoryComment>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NewsroomSetting> NewsroomSettings => Set<NewsroomSetting>();

    public DbSet<RoyaltyGenre> RoyaltyGenres => Set<RoyaltyGenre>();

    public DbSet<RoyaltyUnitValue> RoyaltyUnitValues => Set<RoyaltyUnitValue>();

    public DbSet<StoryRoyalty> StoryRoyalties => Set<StoryRoyalty>();

    public DbSet<RoyaltyShare> RoyaltyShares => Set<RoyaltyShare>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.FullName).HasMaxLength(200);
        });

        builder.Entity<Category>(category =>
        {
            category.Property(c => c.Name).HasMaxLength(200).IsRequired();
            category.Property(c => c.Slug).HasMaxLength(200).IsRequired();
            category.HasIndex(c => c.Slug).IsUnique();
            category.HasIndex(c => new { c.ParentId, c.SortOrder });
            // No database foreign key on ParentId: adding one to an existing SQLite table means rebuilding it
            // outside a transaction. CategoryCatalog keeps the rule (a parent exists, is top level, is not deleted).
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.UserName).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Action).HasMaxLength(64).IsRequired();
            entry.Property(e => e.Details).HasMaxLength(2000);
            entry.Property(e => e.ClientAddress).HasMaxLength(64);
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.FromState).HasMaxLength(32);
            entry.Property(e => e.ToState).HasMaxLength(32);
            entry.Property(e => e.Note).HasMaxLength(2000);
            entry.HasIndex(e => e.AtUtc);
            entry.HasIndex(e => new { e.ArticleId, e.AtUtc });
            entry.HasIndex(e => new { e.UserId, e.AtUtc });
        });

        builder.Entity<Article>(article =>
        {
            article.Property(a => a.Title).HasMaxLength(ArticleLimits.TitleMaxLength).IsRequired();
            article.Property(a => a.TitleFolded).HasMaxLength(ArticleLimits.TitleMaxLength).IsRequired();
            article.Property(a => a.Slug).HasMaxLength(ArticleLimits.SlugMaxLength).IsRequired();
            article.HasIndex(a => a.Slug).IsUnique();
            article.Property(a => a.Kind).HasConversion<string>().HasMaxLength(32);
            article.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
            article.Property(a => a.Lead).HasMaxLength(ArticleLimits.LeadMaxLength);
            article.Property(a => a.FeaturedImageCaption).HasMaxLength(ArticleLimits.CaptionMaxLength);
            article.Property(a => a.Byline).HasMaxLength(ArticleLimits.BylineMaxLength);
            article.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
            article.Property(a => a.UpdatedById).HasMaxLength(450);
            article.Property(a => a.Version).IsConcurrencyToken();
            article.HasIndex(a => new { a.CreatedById, a.State });
            article.HasIndex(a => new { a.State, a.UpdatedAtUtc });
            article.HasIndex(a => new { a.State, a.SubmittedAtUtc });
            article.HasIndex(a => new { a.State, a.ScheduledForUtc });
            article.HasIndex(a => new { a.State, a.PublishedAtUtc });
            article.Property(a => a.EditingById).HasMaxLength(450);
            article.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<ArticleRevision>(revision =>
        {
            revision.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            revision.Property(r => r.Title).HasMaxLength(ArticleLimits.TitleMaxLength);
            revision.Property(r => r.AuthorId).HasMaxLength(450).IsRequired();
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<StoryComment>(comment =>
        {
            comment.Property(c => c.AuthorId).HasMaxLength(450).IsRequired();
            comment.Property(c => c.Body).HasMaxLength(StoryCommentLimits.BodyMaxLength).IsRequired();
            comment.HasIndex(c => new { c.ArticleId, c.AtUtc });
            comment.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Notification>(notification =>
        {
            notification.Property(n => n.RecipientId).HasMaxLength(450).IsRequired();
            notification.Property(n => n.Kind).HasMaxLength(64).IsRequired();
            notification.Property(n => n.ArticleTitle).HasMaxLength(ArticleLimits.TitleMaxLength);
            notification.Property(n => n.ActorName).HasMaxLength(200);
            notification.Property(n => n.Note).HasMaxLength(2000);
            notification.HasIndex(n => new { n.RecipientId, n.ReadAtUtc, n.CreatedAtUtc });
        });

        builder.Entity<NewsroomSetting>(setting =>
        {
            setting.HasKey(x => x.Key);
            setting.Property(x => x.Key).HasMaxLength(100);
            setting.Property(x => x.ValueJson).IsRequired();
            setting.Property(x => x.UpdatedById).HasMaxLength(450);
        });

        builder.Entity<RoyaltyGenre>(genre =>
        {
            genre.Property(g => g.Name).HasMaxLength(200).IsRequired();
            genre.Property(g => g.MinCoefficient).HasPrecision(6, 2);
            genre.Property(g => g.MaxCoefficient).HasPrecision(6, 2);
        });

        builder.Entity<RoyaltyUnitValue>(unit =>
        {
            unit.Property(u => u.AmountVnd).HasPrecision(18, 0);
            unit.HasIndex(u => u.EffectiveFromUtc).IsUnique();
        });

        builder.Entity<StoryRoyalty>(royalty =>
        {
            royalty.HasKey(r => r.ArticleId);
            royalty.Property(r => r.Coefficient).HasPrecision(6, 2);
            royalty.Property(r => r.AssessedById).HasMaxLength(450).IsRequired();
            royalty.Property(r => r.PaidById).HasMaxLength(450);
            royalty.HasOne<Article>().WithOne().HasForeignKey<StoryRoyalty>(r => r.ArticleId).OnDelete(DeleteBehavior.Restrict);
            royalty.HasOne<RoyaltyGenre>().WithMany().HasForeignKey(r => r.GenreId).OnDelete(DeleteBehavior.Restrict);
            royalty.HasMany(r => r.Shares).WithOne().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
            royalty.HasIndex(r => r.PaidAtUtc);
        });

        builder.Entity<RoyaltyShare>(share =>
        {
            share.Property(s => s.UserId).HasMaxLength(450);
            share.Property(s => s.PersonName).HasMaxLength(200).IsRequired();
            share.Property(s => s.Role).HasMaxLength(32).IsRequired();
            share.Property(s => s.Percent).HasPrecision(5, 2);
            share.HasIndex(s => s.UserId);
        });

        builder.Entity<MediaAsset>(media =>
        {
            media.Property(m => m.OriginalPath).HasMaxLength(300).IsRequired();
            media.Property(m => m.WebPath).HasMaxLength(300).IsRequired();
            media.Property(m => m.ThumbnailPath).HasMaxLength(300).IsRequired();
            media.Property(m => m.OriginalFileName).HasMaxLength(260);
            media.Property(m => m.ContentType).HasMaxLength(100);
            media.Property(m => m.UploadedById).HasMaxLength(450).IsRequired();
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset; store UTC ticks so queries stay on the server.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
        }
        else if (Database.IsNpgsql())
        {
            // timestamptz; Npgsql refuses to write an offset other than zero, so every instant goes in as UTC.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUtcConverter>();
        }
    }
}
