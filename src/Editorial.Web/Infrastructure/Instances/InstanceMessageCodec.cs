using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Editorial.Web.Infrastructure.Instances;

/// <summary>Writes and reads the JSON payload of an <see cref="InstanceMessage"/>.</summary>
public static class InstanceMessageCodec
{
    /// <summary>PostgreSQL refuses NOTIFY payloads of 8,000 bytes or more; stay well below.</summary>
    public const int MaxPayloadBytes = 4000;

    /// <summary>A display name is cut here: a person's name, never a text.</summary>
    public const int MaxNameLength = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The payload, or null when even without the display name it would be too long (never sent).</summary>
    public static string? Encode(InstanceMessage message)
    {
        if (message.ActorName is { Length: > MaxNameLength } name)
        {
            message = message with { ActorName = name[..MaxNameLength] };
        }

        var payload = JsonSerializer.Serialize(message, Json);
        return Encoding.UTF8.GetByteCount(payload) < MaxPayloadBytes ? payload : null;
    }

    /// <summary>The message, or null for anything that is not one of ours (another app on the channel, a hand-typed NOTIFY).</summary>
    public static InstanceMessage? Decode(string? payload)
    {
        if (string.IsNullOrWhiteSpace(payload))
        {
            return null;
        }

        try
        {
            var message = JsonSerializer.Deserialize<InstanceMessage>(payload, Json);
            return message is { Kind.Length: > 0 } && message.From != Guid.Empty ? message : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
