using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Editorial.Web.Infrastructure.Data;

/// <summary>Stores instants as UTC ticks: sortable and comparable in SQLite, never ambiguous.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
