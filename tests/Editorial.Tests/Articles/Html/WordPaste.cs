namespace Editorial.Tests.Articles.Html;

/// <summary>
/// What Word (2016, Windows, Vietnamese document) puts on the clipboard as HTML when a reporter copies a
/// meeting report: the whole document with its head, the mso styles, o:p, lang spans, conditional comments,
/// a bulleted list written with supportLists markers, a hidden-text run, a bookmark, &amp;nbsp; paragraphs
/// and a table; source lines broken in the middle of sentences.
/// </summary>
internal static class WordPaste
{
    public const string Document = """
        <html xmlns:v="urn:schemas-microsoft-com:vml"
        xmlns:o="urn:schemas-microsoft-com:office:office"
        xmlns:w="urn:schemas-microsoft-com:office:word"
        xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
        xmlns="http://www.w3.org/TR/REC-html40">

        <head>
        <meta http-equiv=Content-Type content="text/html; charset=utf-8">
        <meta name=ProgId content=Word.Document>
        <meta name=Generator content="Microsoft Word 15">
        <meta name=Originator content="Microsoft Word 15">
        <link rel=File-List href="file:///C:/Users/PV/AppData/Local/Temp/msohtmlclip1/01/clip_filelist.xml">
        <!--[if gte mso 9]><xml>
         <o:OfficeDocumentSettings>
          <o:AllowPNG/>
         </o:OfficeDocumentSettings>
        </xml><![endif]-->
        <!--[if gte mso 9]><xml>
         <w:WordDocument>
          <w:View>Normal</w:View>
          <w:Zoom>0</w:Zoom>
          <w:LidThemeOther>VI</w:LidThemeOther>
         </w:WordDocument>
        </xml><![endif]-->
        <style>
        <!--
         /* Font Definitions */
         @font-face
        	{font-family:"Cambria Math";
        	panose-1:2 4 5 3 5 4 6 3 2 4;
        	mso-font-charset:163;}
        p.MsoNormal, li.MsoNormal, div.MsoNormal
        	{mso-style-unhide:no;
        	mso-style-qformat:yes;
        	margin-top:6.0pt;
        	text-align:justify;
        	font-size:14.0pt;
        	font-family:"Times New Roman",serif;
        	mso-fareast-language:EN-US;}
        @page WordSection1
        	{size:595.3pt 841.9pt;
        	margin:56.7pt 42.5pt 56.7pt 85.05pt;}
        div.WordSection1
        	{page:WordSection1;}
        -->
        </style>
        <!--[if gte mso 10]>
        <style>
         table.MsoNormalTable
        	{mso-style-name:"Table Normal";
        	mso-tstyle-rowband-size:0;}
        </style>
        <![endif]-->
        </head>

        <body lang=EN-US style='tab-interval:36.0pt'>
        <!--StartFragment-->

        <div class=WordSection1>

        <h1 style='margin-top:0cm;text-align:center'><a name="_Toc480285123"></a><span lang=VI
        style='font-size:16.0pt;mso-ansi-language:VI'>Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở
        chính trị vững mạnh quý I<o:p></o:p></span></h1>

        <p class=MsoNormal style='text-indent:36.0pt;line-height:115%'><b style='mso-bidi-font-weight:normal'><span
        lang=VI style='mso-ansi-language:VI'>CTTĐT – </span></b><span lang=VI style='mso-ansi-language:
        VI'>Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với
        11 điểm cầu gồm các huyện, thành phố.<o:p></o:p></span></p>

        <p class=MsoNormal style='text-indent:36.0pt'><span lang=VI style='mso-ansi-language:VI'><o:p>&nbsp;</o:p></span></p>

        <p class=MsoNormal style='text-indent:36.0pt'><span lang=VI style='mso-ansi-language:VI'>Trong quý
        I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc<span style='display:none;mso-hide:all'>
        [ghi chú nội bộ: kiểm tra lại số liệu]</span>, làm tốt công tác tham mưu cho cấp ủy
        lãnh đạo phát triển kinh tế, văn hóa xã hội.<o:p></o:p></span></p>

        <p class=MsoListParagraphCxSpFirst style='margin-left:54.0pt;mso-add-space:auto;
        text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
        lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
        Symbol;mso-ansi-language:VI'><span style='mso-list:Ignore'>·<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><!--[endif]--><span lang=VI style='mso-ansi-language:VI'>Rà soát,
        chuẩn hóa thủ tục hành chính;<o:p></o:p></span></p>

        <p class=MsoListParagraphCxSpLast style='margin-left:54.0pt;mso-add-space:auto;
        text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
        lang=VI style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
        Symbol;mso-ansi-language:VI'><span style='mso-list:Ignore'>·<span
        style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
        </span></span></span><!--[endif]--><span lang=VI style='mso-ansi-language:VI'>Đẩy mạnh
        <i style='mso-bidi-font-style:normal'>cải cách hành chính</i> ở các huyện.<o:p></o:p></span></p>

        <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0
         style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;
         mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>
         <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
          <td width=300 valign=top style='width:225.0pt;border:solid windowtext 1.0pt;
          padding:0cm 5.4pt 0cm 5.4pt'>
          <p class=MsoNormal><b><span lang=VI style='mso-ansi-language:VI'>Đơn vị<o:p></o:p></span></b></p>
          </td>
          <td width=300 valign=top style='width:225.0pt;border:solid windowtext 1.0pt;
          border-left:none;padding:0cm 5.4pt 0cm 5.4pt'>
          <p class=MsoNormal><b><span lang=VI style='mso-ansi-language:VI'>Số điểm cầu<o:p></o:p></span></b></p>
          </td>
         </tr>
         <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'>
          <td width=300 valign=top style='width:225.0pt;border:solid windowtext 1.0pt;
          border-top:none;padding:0cm 5.4pt 0cm 5.4pt'>
          <p class=MsoNormal><span lang=VI style='mso-ansi-language:VI'>Các huyện, thành phố<o:p></o:p></span></p>
          </td>
          <td width=300 valign=top style='width:225.0pt;border-top:none;border-left:
          none;border-bottom:solid windowtext 1.0pt;border-right:solid windowtext 1.0pt;
          padding:0cm 5.4pt 0cm 5.4pt'>
          <p class=MsoNormal><span lang=VI style='mso-ansi-language:VI'>11<o:p></o:p></span></p>
          </td>
         </tr>
        </table>

        <p class=MsoNormal align=right style='text-align:right'><![if !vml]><img width=20 height=20
        src="file:///C:/Users/PV/AppData/Local/Temp/msohtmlclip1/01/clip_image001.png" v:shapes="Picture_x0020_1"><![endif]><b><span
        lang=VI style='mso-ansi-language:VI'>Trần Khánh - Thu Ngà</span></b><span lang=VI
        style='mso-ansi-language:VI'><o:p></o:p></span></p>

        <p class=MsoNormal><o:p>&nbsp;</o:p></p>

        </div>

        <!--EndFragment-->
        </body>

        </html>
        """;

    /// <summary>What the sanitiser makes of <see cref="Document"/>.</summary>
    public const string Expected = """
        <h2>Hội nghị trực tuyến sơ kết công tác xây dựng cơ sở chính trị vững mạnh quý I</h2>
        <p><b>CTTĐT – </b>Sáng 20/4, Ban Chỉ đạo xây dựng cơ sở chính trị vững mạnh (XDCSCTVM) đã họp trực tuyến với 11 điểm cầu gồm các huyện, thành phố.</p>
        <p>Trong quý I/2017, XDCSCTVM các cấp tiếp tục duy trì tốt quy chế làm việc, làm tốt công tác tham mưu cho cấp ủy lãnh đạo phát triển kinh tế, văn hóa xã hội.</p>
        <ul><li>Rà soát, chuẩn hóa thủ tục hành chính;</li><li>Đẩy mạnh <i>cải cách hành chính</i> ở các huyện.</li></ul>
        <table><tbody><tr><td><p><b>Đơn vị</b></p></td><td><p><b>Số điểm cầu</b></p></td></tr><tr><td><p>Các huyện, thành phố</p></td><td><p>11</p></td></tr></tbody></table>
        <p><b>Trần Khánh - Thu Ngà</b></p>
        """;
}
