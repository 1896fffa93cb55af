using SkiaSharp;

namespace Editorial.Web.Features.Portal.Seed;

/// <summary>
/// Draws the demo story's picture, "Toàn cảnh Hội nghị": a conference room from the back, the presidium
/// under a red backdrop, a screen with the 11 online sites, rows of delegates. Shapes only: the portable
/// SkiaSharp build carries no fonts, and a picture with broken text would look worse than none.
/// </summary>
public static class SeedPicture
{
    public const int Width = 1200;
    public const int Height = 675;

    public static byte[] ConferenceJpeg()
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(new SKColor(0xEF, 0xE6, 0xD6));

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };

        // Walls and floor.
        fill.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 330),
            [new SKColor(0xE9, 0xDF, 0xCC), new SKColor(0xD8, 0xC8, 0xAE)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, Width, 330, fill);
        fill.Shader = SKShader.CreateLinearGradient(new SKPoint(0, 330), new SKPoint(0, Height),
            [new SKColor(0x8A, 0x2A, 0x22), new SKColor(0x5E, 0x17, 0x14)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 330, Width, Height - 330, fill);
        fill.Shader = null;

        // Red backdrop with a gold star and a bust-like emblem, as in provincial meeting halls.
        fill.Color = new SKColor(0xB3, 0x1B, 0x1B);
        canvas.DrawRect(330, 40, 540, 190, fill);
        fill.Color = new SKColor(0xFF, 0xD5, 0x4A);
        canvas.DrawPath(Star(600, 105, 42, 17), fill);
        fill.Color = new SKColor(0xF3, 0xE3, 0xB0);
        for (var i = 0; i < 3; i++)
        {
            canvas.DrawRect(400, 165 + i * 16, 400, 7, fill); // the banner's lines of text, as seen from afar
        }

        // Curtains.
        fill.Color = new SKColor(0x9E, 0x15, 0x15);
        canvas.DrawRect(280, 30, 50, 300, fill);
        canvas.DrawRect(870, 30, 50, 300, fill);

        // Screens with the online sites (11 điểm cầu), left and right.
        DrawScreen(canvas, fill, 40, 70);
        DrawScreen(canvas, fill, 950, 70);

        // Presidium table with flowers and the chairs' people.
        fill.Color = new SKColor(0xF4, 0xF1, 0xEA);
        canvas.DrawRect(340, 265, 520, 55, fill);
        fill.Color = new SKColor(0x2E, 0x7D, 0x32);
        canvas.DrawOval(600, 262, 40, 14, fill);
        fill.Color = new SKColor(0xE5, 0x39, 0x35);
        canvas.DrawCircle(585, 255, 7, fill);
        canvas.DrawCircle(603, 251, 7, fill);
        canvas.DrawCircle(620, 256, 7, fill);
        for (var i = 0; i < 7; i++)
        {
            if (i == 3)
            {
                continue;
            }

            DrawPerson(canvas, fill, 385 + i * 72, 248, 1.0f, i % 2 == 0 ? new SKColor(0x26, 0x32, 0x38) : new SKColor(0xF5, 0xF5, 0xF5));
        }

        // Delegates' rows, seen from behind, getting larger towards the camera.
        var random = new Random(20170420);
        for (var row = 0; row < 5; row++)
        {
            var y = 380 + row * 62;
            var scale = 0.75f + row * 0.16f;
            fill.Color = new SKColor(0xF2, 0xEE, 0xE4);
            canvas.DrawRect(20, y + 18 * scale, Width - 40, 14 * scale, fill); // desk
            var step = 68 * scale;
            for (var x = 40f + row % 2 * step / 2; x < Width - 30; x += step)
            {
                var shirt = random.Next(3) switch
                {
                    0 => new SKColor(0xFA, 0xFA, 0xFA),
                    1 => new SKColor(0x1F, 0x3A, 0x5F),
                    _ => new SKColor(0x3E, 0x45, 0x4C),
                };
                DrawDelegateFromBehind(canvas, fill, x, y, scale, shirt);
            }
        }

        // Soft light from the ceiling.
        fill.Shader = SKShader.CreateRadialGradient(new SKPoint(600, 0), 700,
            [new SKColor(255, 255, 255, 70), new SKColor(255, 255, 255, 0)], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, Width, Height, fill);
        fill.Shader = null;

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 88);
        return data.ToArray();
    }

    private static void DrawScreen(SKCanvas canvas, SKPaint fill, float left, float top)
    {
        fill.Color = new SKColor(0x21, 0x21, 0x21);
        canvas.DrawRect(left, top, 210, 150, fill);
        var tiles = new SKColor[] { new(0x5C, 0x8D, 0xB8), new(0x7F, 0xA6, 0x6B), new(0xC9, 0x9A, 0x5B), new(0x8E, 0x7C, 0xB0) };
        var n = 0;
        for (var r = 0; r < 3; r++)
        {
            for (var c = 0; c < 4 && n < 11; c++, n++)
            {
                var x = left + 8 + c * 50;
                var y = top + 8 + r * 46;
                fill.Color = tiles[(r + c) % tiles.Length];
                canvas.DrawRect(x, y, 46, 42, fill);
                fill.Color = new SKColor(0x3B, 0x2F, 0x2A);
                canvas.DrawCircle(x + 23, y + 18, 7, fill);
                canvas.DrawRect(x + 13, y + 27, 20, 15, fill);
            }
        }

        fill.Color = new SKColor(0x42, 0x42, 0x42);
        canvas.DrawRect(left + 100, top + 150, 10, 40, fill);
    }

    private static void DrawPerson(SKCanvas canvas, SKPaint fill, float x, float y, float scale, SKColor shirt)
    {
        fill.Color = shirt;
        canvas.DrawRoundRect(x - 20 * scale, y - 10 * scale, 40 * scale, 28 * scale, 8 * scale, 8 * scale, fill);
        fill.Color = new SKColor(0xE0, 0xB8, 0x94);
        canvas.DrawCircle(x, y - 22 * scale, 12 * scale, fill);
        fill.Color = new SKColor(0x1B, 0x1B, 0x1B);
        canvas.DrawArc(new SKRect(x - 12 * scale, y - 35 * scale, x + 12 * scale, y - 14 * scale), 180, 180, true, fill);
    }

    private static void DrawDelegateFromBehind(SKCanvas canvas, SKPaint fill, float x, float y, float scale, SKColor shirt)
    {
        fill.Color = shirt;
        canvas.DrawRoundRect(x - 22 * scale, y, 44 * scale, 26 * scale, 10 * scale, 10 * scale, fill);
        fill.Color = new SKColor(0x1A, 0x1A, 0x1A);
        canvas.DrawCircle(x, y - 8 * scale, 13 * scale, fill);
    }

    private static SKPath Star(float cx, float cy, float outer, float inner)
    {
        var path = new SKPath();
        for (var i = 0; i < 10; i++)
        {
            var radius = i % 2 == 0 ? outer : inner;
            var angle = Math.PI / 2 + i * Math.PI / 5;
            var point = new SKPoint(cx + (float)(radius * Math.Cos(angle)), cy - (float)(radius * Math.Sin(angle)));
            if (i == 0)
            {
                path.MoveTo(point);
            }
            else
            {
                path.LineTo(point);
            }
        }

        path.Close();
        return path;
    }
}
