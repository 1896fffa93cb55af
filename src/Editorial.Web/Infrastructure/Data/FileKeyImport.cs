using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>
/// Data-protection keys used to live in data/keys/*.xml. They are in the database now (every instance reads the
/// same ring); an install that had files keeps its keys, so nobody is signed out by the upgrade.
/// </summary>
public static class FileKeyImport
{
    /// <summary>
    /// Copies the key files into the empty DataProtectionKeys table, once: a table that holds any key is left as it
    /// is. The files stay where they are (an older version of the app still finds them). Returns how many were copied.
    /// </summary>
    public static async Task<int> ImportOnceAsync(EditorialDbContext db, string keysFolder, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(keysFolder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var files = Directory.GetFiles(keysFolder, "*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            // The same form EntityFrameworkCoreXmlRepository stores: the file name ("key-<id>") and compact XML.
            var xml = XElement.Load(file);
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = xml.ToString(SaveOptions.DisableFormatting),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }
}
