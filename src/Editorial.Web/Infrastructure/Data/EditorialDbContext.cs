using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

public sealed class EditorialDbContext(DbContextOptions<EditorialDbContext> options)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options)
{
    public DbSet<Article> Articles => Set<Article>();

    public DbSet<Category> Categories => Set<Category>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

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
        });

        builder.Entity<AuditEntry>(entry =>
        {
            entry.Property(e => e.UserName).HasMaxLength(256).IsRequired();
            entry.Property(e => e.Action).HasMaxLength(64).IsRequired();
            entry.Property(e => e.Details).HasMaxLength(2000);
            entry.Property(e => e.ClientAddress).HasMaxLength(64);
            entry.HasIndex(e => e.AtUtc);
        });

        builder.Entity<Article>(article =>
        {
            article.Property(a => a.Title).HasMaxLength(250).IsRequired();
            article.Property(a => a.State).HasConversion<string>().HasMaxLength(32);
            article.Property(a => a.CreatedById).HasMaxLength(450).IsRequired();
            article.HasIndex(a => new { a.CreatedById, a.State });
            article.HasIndex(a => a.State);
            article.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
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
    }
}
