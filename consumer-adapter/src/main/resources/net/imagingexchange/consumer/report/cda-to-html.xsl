<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: Apache-2.0 -->
<!--
  A CDA R2 imaging report (decision 0012) as an HTML page for people: the header, then each section with a title and
  its narrative. The DICOM Object Catalog has no narrative (C-CDA DIR) and is shown as the list of its series with
  the number of instances and, when the document gives them, links to the instances' WADO-RS URLs (http and https
  only). Every text and attribute is written with value-of or an attribute value template, which the HTML output
  method escapes: no markup from a report reaches the page as markup.
-->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:v3="urn:hl7-org:v3"
                exclude-result-prefixes="v3">
  <xsl:output method="html" encoding="UTF-8" indent="yes" doctype-system="about:legacy-compat"/>

  <xsl:template match="/v3:ClinicalDocument">
    <html lang="{v3:languageCode/@code}">
      <head>
        <meta charset="UTF-8"/>
        <title><xsl:value-of select="v3:title"/></title>
        <style>body{font-family:sans-serif;max-width:50em;margin:2em auto}dt{font-weight:bold}</style>
      </head>
      <body>
        <h1><xsl:value-of select="v3:title"/></h1>
        <dl>
          <dt>Patient</dt>
          <dd><xsl:apply-templates select="v3:recordTarget/v3:patientRole/v3:patient/v3:name"/>
            (<xsl:value-of select="v3:recordTarget/v3:patientRole/v3:id/@extension"/>)</dd>
          <dt>Auteur</dt>
          <dd><xsl:apply-templates select="v3:author/v3:assignedAuthor/v3:assignedPerson/v3:name"/>,
            <xsl:value-of select="v3:author/v3:assignedAuthor/v3:representedOrganization/v3:name"/></dd>
          <dt>Date</dt>
          <dd><xsl:value-of select="v3:effectiveTime/@value"/></dd>
          <dt>Statut</dt>
          <dd>
            <xsl:choose>
              <xsl:when test="v3:legalAuthenticator">Validé (signé)</xsl:when>
              <xsl:otherwise>Préliminaire</xsl:otherwise>
            </xsl:choose>
            <xsl:if test="v3:relatedDocument[@typeCode='RPLC']">
              — version <xsl:value-of select="v3:versionNumber/@value"/>, remplace
              <xsl:value-of select="v3:relatedDocument/v3:parentDocument/v3:id/@root"/>
            </xsl:if>
          </dd>
          <dt>Examen</dt>
          <dd><xsl:value-of select="v3:documentationOf/v3:serviceEvent/v3:code/v3:originalText"/>
            (<xsl:value-of select="v3:documentationOf/v3:serviceEvent/v3:id/@root"/>)</dd>
        </dl>
        <xsl:apply-templates select="v3:component/v3:structuredBody/v3:component/v3:section"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="v3:name">
    <xsl:for-each select="v3:prefix | v3:given | v3:family | v3:suffix | text()[normalize-space()]">
      <xsl:if test="position() &gt; 1"><xsl:text> </xsl:text></xsl:if>
      <xsl:value-of select="normalize-space(.)"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="v3:section[v3:code/@code='121181']">
    <section>
      <h2>Images</h2>
      <ul>
        <xsl:for-each select=".//v3:act[v3:code/@code='113015']">
          <li>
            Série <xsl:value-of select="v3:id/@root"/>
            (<xsl:value-of select="count(v3:entryRelationship/v3:observation)"/> instances)
            <xsl:variable name="first" select="v3:entryRelationship/v3:observation/v3:text/v3:reference/@value"/>
            <xsl:if test="starts-with($first, 'http://') or starts-with($first, 'https://')">
              — <a href="{$first}">première instance</a>
            </xsl:if>
          </li>
        </xsl:for-each>
      </ul>
    </section>
  </xsl:template>

  <xsl:template match="v3:section">
    <section>
      <h2><xsl:value-of select="v3:title"/></h2>
      <xsl:apply-templates select="v3:text"/>
    </section>
  </xsl:template>

  <xsl:template match="v3:text">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="v3:paragraph">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="v3:br">
    <br/>
  </xsl:template>

  <xsl:template match="text()">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
