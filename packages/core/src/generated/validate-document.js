// @ts-nocheck
/* Generated from schemas/echemkit.schema.json by `npm run generate` (ajv standalone, 2020-12). Do not edit. */
"use strict";
export const validate = validate20;
export default validate20;
const schema31 = {"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://echemkit.dev/schemas/echemkit/1.0/echemkit.schema.json","title":"EchemkitDocument","description":"One instrument file converted by echemkit: where it came from, its measurements (column tables) and what was noticed while reading it.","type":"object","required":["echemkit","source","measurements","diagnostics"],"additionalProperties":false,"properties":{"echemkit":{"const":"1.0","description":"Schema version of this document."},"source":{"$ref":"#/$defs/Source"},"sample":{"$ref":"#/$defs/Sample"},"measurements":{"type":"array","items":{"$ref":"#/$defs/Measurement"}},"diagnostics":{"type":"array","items":{"$ref":"#/$defs/Diagnostic"}}},"$defs":{"Source":{"title":"Source","description":"The file the document was read from.","type":"object","required":["fileName","format","byteSize"],"additionalProperties":false,"properties":{"fileName":{"type":"string","description":"Base name of the input file (no directories)."},"format":{"type":"string","pattern":"^[a-z0-9-]+\\.[a-z0-9-]+$","description":"Plugin id that read the file, e.g. biologic.mpr."},"formatVersion":{"type":["string","null"],"description":"Version of the file layout as the file states it (e.g. EC-Lab module version, NEWARE nda version)."},"byteSize":{"type":"integer","minimum":0},"sha256":{"type":["string","null"],"pattern":"^[0-9a-f]{64}$"},"software":{"$ref":"#/$defs/NameVersion"},"instrument":{"$ref":"#/$defs/Instrument"},"channel":{"type":["string","null"],"description":"Channel of the instrument, as the vendor names it."}}},"NameVersion":{"title":"NameVersion","type":"object","additionalProperties":false,"properties":{"name":{"type":["string","null"]},"version":{"type":["string","null"]}}},"Instrument":{"title":"Instrument","type":"object","additionalProperties":false,"properties":{"vendor":{"type":["string","null"]},"model":{"type":["string","null"]},"serialNumber":{"type":["string","null"]}}},"Sample":{"title":"Sample","description":"What the file says about the cell or specimen. Quantities in SI-derived units named in the key.","type":"object","additionalProperties":false,"properties":{"name":{"type":["string","null"]},"activeMassGram":{"type":["number","null"],"description":"Mass of active material, g."},"nominalCapacityAh":{"type":["number","null"],"description":"Nominal or theoretical capacity, Ah."},"electrodeAreaSquareCentimetre":{"type":["number","null"],"description":"Electrode surface area, cm²."},"comments":{"type":["string","null"]}}},"Technique":{"title":"Technique","type":"object","required":["name","vendorName"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"Normalised technique: GCPL, CV, CA, CP, OCV, PEIS, GEIS, LSV, MB, cycling, XPS, ToF-SIMS …"},"vendorName":{"type":["string","null"],"description":"The technique exactly as the vendor names it."}}},"StartTime":{"title":"StartTime","description":"When the measurement started. `zone` says whether the file stated the time zone or it was assumed.","type":"object","required":["value","zone"],"additionalProperties":false,"properties":{"value":{"type":"string","description":"ISO 8601 date-time. With an offset when the zone is stated or assumed UTC; without one (local wall-clock) when assumed local."},"zone":{"enum":["stated","assumed-utc","assumed-local"],"description":"stated: the file gives the offset or stores UTC. assumed-utc: no zone in the file, interpreted as UTC. assumed-local: local wall-clock time of the acquisition computer, zone unknown."},"raw":{"type":["string","null"],"description":"The value as the file stores it (text, or the number it was decoded from)."}}},"Column":{"title":"Column","type":"object","required":["name","label","unit","quantity","sourceName","sourceUnit","derived","values"],"additionalProperties":false,"properties":{"name":{"type":"string","pattern":"\\S","description":"Unique in its measurement. A quantity name from schemas/quantities.json (quantity_unitword) or the vendor's column name when no quantity applies."},"label":{"type":"string","description":"Preferred label, `Quantity / unit` style."},"unit":{"type":["string","null"],"description":"Unit of `values`. null for dimensionless counters, flags and strings."},"quantity":{"type":["string","null"],"description":"Name of the quantity in schemas/quantities.json, or null for vendor columns we do not map."},"sourceName":{"type":["string","null"],"description":"Column name exactly as the vendor wrote it (null for derived columns)."},"sourceUnit":{"type":["string","null"],"description":"Unit exactly as the vendor wrote it (null when the vendor gave none)."},"derived":{"type":"boolean","description":"True when echemkit computed the column rather than read it."},"dtype":{"enum":["float64","float32","int8","int16","int32","uint8","uint16","uint32","string","boolean"],"description":"Storage type the vendor used (float32 values are written with the shortest decimal that round-trips to the same float32)."},"description":{"type":"string"},"codes":{"type":"object","additionalProperties":{"type":"string"},"description":"Meaning of integer codes in this column (e.g. I Range code → '10 mA')."},"values":{"type":"array","items":{"type":["number","string","boolean","null"]},"description":"One value per row. null marks a value missing in the file."}}},"Table":{"title":"Table","description":"A vendor table kept beside the main columns (e.g. a per-step summary or cycle sheet).","type":"object","required":["name","columns"],"additionalProperties":false,"properties":{"name":{"type":"string"},"description":{"type":"string"},"columns":{"type":"array","items":{"$ref":"#/$defs/Column"}}}},"Measurement":{"title":"Measurement","type":"object","required":["kind","technique","startTime","settings","columns"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"Short name, unique in the document when present (e.g. `sweep 3`, `C 1s`)."},"kind":{"enum":["timeseries","impedance","spectrum","depth-profile"]},"technique":{"$ref":"#/$defs/Technique"},"startTime":{"oneOf":[{"$ref":"#/$defs/StartTime"},{"type":"null"}]},"settings":{"type":"object","description":"Vendor settings kept verbatim (keys and values as the file gives them).","additionalProperties":true},"metadata":{"type":"object","description":"Other facts about the measurement (region, species, sweep index, source rows …).","additionalProperties":true},"columns":{"type":"array","items":{"$ref":"#/$defs/Column"}},"tables":{"type":"array","items":{"$ref":"#/$defs/Table"}}}},"Place":{"title":"Place","type":"object","additionalProperties":false,"properties":{"offset":{"type":"integer","minimum":0,"description":"Byte offset in the file."},"line":{"type":"integer","minimum":1},"column":{"type":"integer","minimum":1},"record":{"type":"integer","minimum":0,"description":"Record (row) index."}}},"Diagnostic":{"title":"Diagnostic","type":"object","required":["severity","ruleId","source","message"],"additionalProperties":false,"properties":{"severity":{"enum":["error","warning","info"]},"ruleId":{"type":"string","description":"Stable id of the check, e.g. truncated-record, unknown-column-id."},"source":{"type":"string","description":"Plugin or transformer id that reported it."},"message":{"type":"string"},"place":{"$ref":"#/$defs/Place"},"expected":{"type":["string","null"]},"actual":{"type":["string","null"]},"note":{"type":["string","null"]}}}}};
const schema35 = {"title":"Sample","description":"What the file says about the cell or specimen. Quantities in SI-derived units named in the key.","type":"object","additionalProperties":false,"properties":{"name":{"type":["string","null"]},"activeMassGram":{"type":["number","null"],"description":"Mass of active material, g."},"nominalCapacityAh":{"type":["number","null"],"description":"Nominal or theoretical capacity, Ah."},"electrodeAreaSquareCentimetre":{"type":["number","null"],"description":"Electrode surface area, cm²."},"comments":{"type":["string","null"]}}};
const schema32 = {"title":"Source","description":"The file the document was read from.","type":"object","required":["fileName","format","byteSize"],"additionalProperties":false,"properties":{"fileName":{"type":"string","description":"Base name of the input file (no directories)."},"format":{"type":"string","pattern":"^[a-z0-9-]+\\.[a-z0-9-]+$","description":"Plugin id that read the file, e.g. biologic.mpr."},"formatVersion":{"type":["string","null"],"description":"Version of the file layout as the file states it (e.g. EC-Lab module version, NEWARE nda version)."},"byteSize":{"type":"integer","minimum":0},"sha256":{"type":["string","null"],"pattern":"^[0-9a-f]{64}$"},"software":{"$ref":"#/$defs/NameVersion"},"instrument":{"$ref":"#/$defs/Instrument"},"channel":{"type":["string","null"],"description":"Channel of the instrument, as the vendor names it."}}};
const schema33 = {"title":"NameVersion","type":"object","additionalProperties":false,"properties":{"name":{"type":["string","null"]},"version":{"type":["string","null"]}}};
const schema34 = {"title":"Instrument","type":"object","additionalProperties":false,"properties":{"vendor":{"type":["string","null"]},"model":{"type":["string","null"]},"serialNumber":{"type":["string","null"]}}};
const pattern4 = new RegExp("^[a-z0-9-]+\\.[a-z0-9-]+$", "u");
const pattern5 = new RegExp("^[0-9a-f]{64}$", "u");

function validate21(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate21.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.fileName === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "fileName"},message:"must have required property '"+"fileName"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.format === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "format"},message:"must have required property '"+"format"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.byteSize === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "byteSize"},message:"must have required property '"+"byteSize"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "fileName") || (key0 === "format")) || (key0 === "formatVersion")) || (key0 === "byteSize")) || (key0 === "sha256")) || (key0 === "software")) || (key0 === "instrument")) || (key0 === "channel"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.fileName !== undefined){
if(typeof data.fileName !== "string"){
const err4 = {instancePath:instancePath+"/fileName",schemaPath:"#/properties/fileName/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.format !== undefined){
let data1 = data.format;
if(typeof data1 === "string"){
if(!pattern4.test(data1)){
const err5 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/pattern",keyword:"pattern",params:{pattern: "^[a-z0-9-]+\\.[a-z0-9-]+$"},message:"must match pattern \""+"^[a-z0-9-]+\\.[a-z0-9-]+$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.formatVersion !== undefined){
let data2 = data.formatVersion;
if((typeof data2 !== "string") && (data2 !== null)){
const err7 = {instancePath:instancePath+"/formatVersion",schemaPath:"#/properties/formatVersion/type",keyword:"type",params:{type: schema32.properties.formatVersion.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.byteSize !== undefined){
let data3 = data.byteSize;
if(!(((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3))) && (isFinite(data3)))){
const err8 = {instancePath:instancePath+"/byteSize",schemaPath:"#/properties/byteSize/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if((typeof data3 == "number") && (isFinite(data3))){
if(data3 < 0 || isNaN(data3)){
const err9 = {instancePath:instancePath+"/byteSize",schemaPath:"#/properties/byteSize/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
if(data.sha256 !== undefined){
let data4 = data.sha256;
if((typeof data4 !== "string") && (data4 !== null)){
const err10 = {instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/type",keyword:"type",params:{type: schema32.properties.sha256.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(typeof data4 === "string"){
if(!pattern5.test(data4)){
const err11 = {instancePath:instancePath+"/sha256",schemaPath:"#/properties/sha256/pattern",keyword:"pattern",params:{pattern: "^[0-9a-f]{64}$"},message:"must match pattern \""+"^[0-9a-f]{64}$"+"\""};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.software !== undefined){
let data5 = data.software;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
if(!((key1 === "name") || (key1 === "version"))){
const err12 = {instancePath:instancePath+"/software",schemaPath:"#/$defs/NameVersion/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.name !== undefined){
let data6 = data5.name;
if((typeof data6 !== "string") && (data6 !== null)){
const err13 = {instancePath:instancePath+"/software/name",schemaPath:"#/$defs/NameVersion/properties/name/type",keyword:"type",params:{type: schema33.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.version !== undefined){
let data7 = data5.version;
if((typeof data7 !== "string") && (data7 !== null)){
const err14 = {instancePath:instancePath+"/software/version",schemaPath:"#/$defs/NameVersion/properties/version/type",keyword:"type",params:{type: schema33.properties.version.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/software",schemaPath:"#/$defs/NameVersion/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.instrument !== undefined){
let data8 = data.instrument;
if(data8 && typeof data8 == "object" && !Array.isArray(data8)){
for(const key2 in data8){
if(!(((key2 === "vendor") || (key2 === "model")) || (key2 === "serialNumber"))){
const err16 = {instancePath:instancePath+"/instrument",schemaPath:"#/$defs/Instrument/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data8.vendor !== undefined){
let data9 = data8.vendor;
if((typeof data9 !== "string") && (data9 !== null)){
const err17 = {instancePath:instancePath+"/instrument/vendor",schemaPath:"#/$defs/Instrument/properties/vendor/type",keyword:"type",params:{type: schema34.properties.vendor.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data8.model !== undefined){
let data10 = data8.model;
if((typeof data10 !== "string") && (data10 !== null)){
const err18 = {instancePath:instancePath+"/instrument/model",schemaPath:"#/$defs/Instrument/properties/model/type",keyword:"type",params:{type: schema34.properties.model.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data8.serialNumber !== undefined){
let data11 = data8.serialNumber;
if((typeof data11 !== "string") && (data11 !== null)){
const err19 = {instancePath:instancePath+"/instrument/serialNumber",schemaPath:"#/$defs/Instrument/properties/serialNumber/type",keyword:"type",params:{type: schema34.properties.serialNumber.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/instrument",schemaPath:"#/$defs/Instrument/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.channel !== undefined){
let data12 = data.channel;
if((typeof data12 !== "string") && (data12 !== null)){
const err21 = {instancePath:instancePath+"/channel",schemaPath:"#/properties/channel/type",keyword:"type",params:{type: schema32.properties.channel.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate21.errors = vErrors;
return errors === 0;
}
validate21.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema36 = {"title":"Measurement","type":"object","required":["kind","technique","startTime","settings","columns"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"Short name, unique in the document when present (e.g. `sweep 3`, `C 1s`)."},"kind":{"enum":["timeseries","impedance","spectrum","depth-profile"]},"technique":{"$ref":"#/$defs/Technique"},"startTime":{"oneOf":[{"$ref":"#/$defs/StartTime"},{"type":"null"}]},"settings":{"type":"object","description":"Vendor settings kept verbatim (keys and values as the file gives them).","additionalProperties":true},"metadata":{"type":"object","description":"Other facts about the measurement (region, species, sweep index, source rows …).","additionalProperties":true},"columns":{"type":"array","items":{"$ref":"#/$defs/Column"}},"tables":{"type":"array","items":{"$ref":"#/$defs/Table"}}}};
const schema37 = {"title":"Technique","type":"object","required":["name","vendorName"],"additionalProperties":false,"properties":{"name":{"type":"string","description":"Normalised technique: GCPL, CV, CA, CP, OCV, PEIS, GEIS, LSV, MB, cycling, XPS, ToF-SIMS …"},"vendorName":{"type":["string","null"],"description":"The technique exactly as the vendor names it."}}};
const schema38 = {"title":"StartTime","description":"When the measurement started. `zone` says whether the file stated the time zone or it was assumed.","type":"object","required":["value","zone"],"additionalProperties":false,"properties":{"value":{"type":"string","description":"ISO 8601 date-time. With an offset when the zone is stated or assumed UTC; without one (local wall-clock) when assumed local."},"zone":{"enum":["stated","assumed-utc","assumed-local"],"description":"stated: the file gives the offset or stores UTC. assumed-utc: no zone in the file, interpreted as UTC. assumed-local: local wall-clock time of the acquisition computer, zone unknown."},"raw":{"type":["string","null"],"description":"The value as the file stores it (text, or the number it was decoded from)."}}};
const schema39 = {"title":"Column","type":"object","required":["name","label","unit","quantity","sourceName","sourceUnit","derived","values"],"additionalProperties":false,"properties":{"name":{"type":"string","pattern":"\\S","description":"Unique in its measurement. A quantity name from schemas/quantities.json (quantity_unitword) or the vendor's column name when no quantity applies."},"label":{"type":"string","description":"Preferred label, `Quantity / unit` style."},"unit":{"type":["string","null"],"description":"Unit of `values`. null for dimensionless counters, flags and strings."},"quantity":{"type":["string","null"],"description":"Name of the quantity in schemas/quantities.json, or null for vendor columns we do not map."},"sourceName":{"type":["string","null"],"description":"Column name exactly as the vendor wrote it (null for derived columns)."},"sourceUnit":{"type":["string","null"],"description":"Unit exactly as the vendor wrote it (null when the vendor gave none)."},"derived":{"type":"boolean","description":"True when echemkit computed the column rather than read it."},"dtype":{"enum":["float64","float32","int8","int16","int32","uint8","uint16","uint32","string","boolean"],"description":"Storage type the vendor used (float32 values are written with the shortest decimal that round-trips to the same float32)."},"description":{"type":"string"},"codes":{"type":"object","additionalProperties":{"type":"string"},"description":"Meaning of integer codes in this column (e.g. I Range code → '10 mA')."},"values":{"type":"array","items":{"type":["number","string","boolean","null"]},"description":"One value per row. null marks a value missing in the file."}}};
const func1 = Object.prototype.hasOwnProperty;
const pattern6 = new RegExp("\\S", "u");
const schema40 = {"title":"Table","description":"A vendor table kept beside the main columns (e.g. a per-step summary or cycle sheet).","type":"object","required":["name","columns"],"additionalProperties":false,"properties":{"name":{"type":"string"},"description":{"type":"string"},"columns":{"type":"array","items":{"$ref":"#/$defs/Column"}}}};

function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate24.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.columns === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "columns"},message:"must have required property '"+"columns"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "name") || (key0 === "description")) || (key0 === "columns"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.description !== undefined){
if(typeof data.description !== "string"){
const err4 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.columns !== undefined){
let data2 = data.columns;
if(Array.isArray(data2)){
const len0 = data2.length;
for(let i0=0; i0<len0; i0++){
let data3 = data2[i0];
if(data3 && typeof data3 == "object" && !Array.isArray(data3)){
if(data3.name === undefined){
const err5 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(data3.label === undefined){
const err6 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data3.unit === undefined){
const err7 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "unit"},message:"must have required property '"+"unit"+"'"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data3.quantity === undefined){
const err8 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "quantity"},message:"must have required property '"+"quantity"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data3.sourceName === undefined){
const err9 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "sourceName"},message:"must have required property '"+"sourceName"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
if(data3.sourceUnit === undefined){
const err10 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "sourceUnit"},message:"must have required property '"+"sourceUnit"+"'"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data3.derived === undefined){
const err11 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "derived"},message:"must have required property '"+"derived"+"'"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data3.values === undefined){
const err12 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data3){
if(!(func1.call(schema39.properties, key1))){
const err13 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data3.name !== undefined){
let data4 = data3.name;
if(typeof data4 === "string"){
if(!pattern6.test(data4)){
const err14 = {instancePath:instancePath+"/columns/" + i0+"/name",schemaPath:"#/$defs/Column/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
else {
const err15 = {instancePath:instancePath+"/columns/" + i0+"/name",schemaPath:"#/$defs/Column/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data3.label !== undefined){
if(typeof data3.label !== "string"){
const err16 = {instancePath:instancePath+"/columns/" + i0+"/label",schemaPath:"#/$defs/Column/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data3.unit !== undefined){
let data6 = data3.unit;
if((typeof data6 !== "string") && (data6 !== null)){
const err17 = {instancePath:instancePath+"/columns/" + i0+"/unit",schemaPath:"#/$defs/Column/properties/unit/type",keyword:"type",params:{type: schema39.properties.unit.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data3.quantity !== undefined){
let data7 = data3.quantity;
if((typeof data7 !== "string") && (data7 !== null)){
const err18 = {instancePath:instancePath+"/columns/" + i0+"/quantity",schemaPath:"#/$defs/Column/properties/quantity/type",keyword:"type",params:{type: schema39.properties.quantity.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data3.sourceName !== undefined){
let data8 = data3.sourceName;
if((typeof data8 !== "string") && (data8 !== null)){
const err19 = {instancePath:instancePath+"/columns/" + i0+"/sourceName",schemaPath:"#/$defs/Column/properties/sourceName/type",keyword:"type",params:{type: schema39.properties.sourceName.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data3.sourceUnit !== undefined){
let data9 = data3.sourceUnit;
if((typeof data9 !== "string") && (data9 !== null)){
const err20 = {instancePath:instancePath+"/columns/" + i0+"/sourceUnit",schemaPath:"#/$defs/Column/properties/sourceUnit/type",keyword:"type",params:{type: schema39.properties.sourceUnit.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data3.derived !== undefined){
if(typeof data3.derived !== "boolean"){
const err21 = {instancePath:instancePath+"/columns/" + i0+"/derived",schemaPath:"#/$defs/Column/properties/derived/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data3.dtype !== undefined){
let data11 = data3.dtype;
if(!((((((((((data11 === "float64") || (data11 === "float32")) || (data11 === "int8")) || (data11 === "int16")) || (data11 === "int32")) || (data11 === "uint8")) || (data11 === "uint16")) || (data11 === "uint32")) || (data11 === "string")) || (data11 === "boolean"))){
const err22 = {instancePath:instancePath+"/columns/" + i0+"/dtype",schemaPath:"#/$defs/Column/properties/dtype/enum",keyword:"enum",params:{allowedValues: schema39.properties.dtype.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data3.description !== undefined){
if(typeof data3.description !== "string"){
const err23 = {instancePath:instancePath+"/columns/" + i0+"/description",schemaPath:"#/$defs/Column/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data3.codes !== undefined){
let data13 = data3.codes;
if(data13 && typeof data13 == "object" && !Array.isArray(data13)){
for(const key2 in data13){
if(typeof data13[key2] !== "string"){
const err24 = {instancePath:instancePath+"/columns/" + i0+"/codes/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/Column/properties/codes/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
}
else {
const err25 = {instancePath:instancePath+"/columns/" + i0+"/codes",schemaPath:"#/$defs/Column/properties/codes/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
}
if(data3.values !== undefined){
let data15 = data3.values;
if(Array.isArray(data15)){
const len1 = data15.length;
for(let i1=0; i1<len1; i1++){
let data16 = data15[i1];
if((((!((typeof data16 == "number") && (isFinite(data16)))) && (typeof data16 !== "string")) && (typeof data16 !== "boolean")) && (data16 !== null)){
const err26 = {instancePath:instancePath+"/columns/" + i0+"/values/" + i1,schemaPath:"#/$defs/Column/properties/values/items/type",keyword:"type",params:{type: schema39.properties.values.items.type},message:"must be number,string,boolean,null"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
}
else {
const err27 = {instancePath:instancePath+"/columns/" + i0+"/values",schemaPath:"#/$defs/Column/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
}
else {
const err28 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
}
else {
const err29 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}
validate24.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate23(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate23.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "kind"},message:"must have required property '"+"kind"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.technique === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "technique"},message:"must have required property '"+"technique"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.startTime === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "startTime"},message:"must have required property '"+"startTime"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.settings === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "settings"},message:"must have required property '"+"settings"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data.columns === undefined){
const err4 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "columns"},message:"must have required property '"+"columns"+"'"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "name") || (key0 === "kind")) || (key0 === "technique")) || (key0 === "startTime")) || (key0 === "settings")) || (key0 === "metadata")) || (key0 === "columns")) || (key0 === "tables"))){
const err5 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.name !== undefined){
if(typeof data.name !== "string"){
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.kind !== undefined){
let data1 = data.kind;
if(!((((data1 === "timeseries") || (data1 === "impedance")) || (data1 === "spectrum")) || (data1 === "depth-profile"))){
const err7 = {instancePath:instancePath+"/kind",schemaPath:"#/properties/kind/enum",keyword:"enum",params:{allowedValues: schema36.properties.kind.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.technique !== undefined){
let data2 = data.technique;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
if(data2.name === undefined){
const err8 = {instancePath:instancePath+"/technique",schemaPath:"#/$defs/Technique/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(data2.vendorName === undefined){
const err9 = {instancePath:instancePath+"/technique",schemaPath:"#/$defs/Technique/required",keyword:"required",params:{missingProperty: "vendorName"},message:"must have required property '"+"vendorName"+"'"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
for(const key1 in data2){
if(!((key1 === "name") || (key1 === "vendorName"))){
const err10 = {instancePath:instancePath+"/technique",schemaPath:"#/$defs/Technique/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.name !== undefined){
if(typeof data2.name !== "string"){
const err11 = {instancePath:instancePath+"/technique/name",schemaPath:"#/$defs/Technique/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data2.vendorName !== undefined){
let data4 = data2.vendorName;
if((typeof data4 !== "string") && (data4 !== null)){
const err12 = {instancePath:instancePath+"/technique/vendorName",schemaPath:"#/$defs/Technique/properties/vendorName/type",keyword:"type",params:{type: schema37.properties.vendorName.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/technique",schemaPath:"#/$defs/Technique/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.startTime !== undefined){
let data5 = data.startTime;
const _errs14 = errors;
let valid3 = false;
let passing0 = null;
const _errs15 = errors;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(data5.value === undefined){
const err14 = {instancePath:instancePath+"/startTime",schemaPath:"#/$defs/StartTime/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data5.zone === undefined){
const err15 = {instancePath:instancePath+"/startTime",schemaPath:"#/$defs/StartTime/required",keyword:"required",params:{missingProperty: "zone"},message:"must have required property '"+"zone"+"'"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
for(const key2 in data5){
if(!(((key2 === "value") || (key2 === "zone")) || (key2 === "raw"))){
const err16 = {instancePath:instancePath+"/startTime",schemaPath:"#/$defs/StartTime/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data5.value !== undefined){
if(typeof data5.value !== "string"){
const err17 = {instancePath:instancePath+"/startTime/value",schemaPath:"#/$defs/StartTime/properties/value/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data5.zone !== undefined){
let data7 = data5.zone;
if(!(((data7 === "stated") || (data7 === "assumed-utc")) || (data7 === "assumed-local"))){
const err18 = {instancePath:instancePath+"/startTime/zone",schemaPath:"#/$defs/StartTime/properties/zone/enum",keyword:"enum",params:{allowedValues: schema38.properties.zone.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data5.raw !== undefined){
let data8 = data5.raw;
if((typeof data8 !== "string") && (data8 !== null)){
const err19 = {instancePath:instancePath+"/startTime/raw",schemaPath:"#/$defs/StartTime/properties/raw/type",keyword:"type",params:{type: schema38.properties.raw.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
else {
const err20 = {instancePath:instancePath+"/startTime",schemaPath:"#/$defs/StartTime/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
var _valid0 = _errs15 === errors;
if(_valid0){
valid3 = true;
passing0 = 0;
}
const _errs24 = errors;
if(data5 !== null){
const err21 = {instancePath:instancePath+"/startTime",schemaPath:"#/properties/startTime/oneOf/1/type",keyword:"type",params:{type: "null"},message:"must be null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
var _valid0 = _errs24 === errors;
if(_valid0 && valid3){
valid3 = false;
passing0 = [passing0, 1];
}
else {
if(_valid0){
valid3 = true;
passing0 = 1;
}
}
if(!valid3){
const err22 = {instancePath:instancePath+"/startTime",schemaPath:"#/properties/startTime/oneOf",keyword:"oneOf",params:{passingSchemas: passing0},message:"must match exactly one schema in oneOf"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
else {
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
}
}
if(data.settings !== undefined){
let data9 = data.settings;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
}
else {
const err23 = {instancePath:instancePath+"/settings",schemaPath:"#/properties/settings/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.metadata !== undefined){
let data10 = data.metadata;
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
}
else {
const err24 = {instancePath:instancePath+"/metadata",schemaPath:"#/properties/metadata/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data.columns !== undefined){
let data11 = data.columns;
if(Array.isArray(data11)){
const len0 = data11.length;
for(let i0=0; i0<len0; i0++){
let data12 = data11[i0];
if(data12 && typeof data12 == "object" && !Array.isArray(data12)){
if(data12.name === undefined){
const err25 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(data12.label === undefined){
const err26 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "label"},message:"must have required property '"+"label"+"'"};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
if(data12.unit === undefined){
const err27 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "unit"},message:"must have required property '"+"unit"+"'"};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
if(data12.quantity === undefined){
const err28 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "quantity"},message:"must have required property '"+"quantity"+"'"};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(data12.sourceName === undefined){
const err29 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "sourceName"},message:"must have required property '"+"sourceName"+"'"};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
if(data12.sourceUnit === undefined){
const err30 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "sourceUnit"},message:"must have required property '"+"sourceUnit"+"'"};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
if(data12.derived === undefined){
const err31 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "derived"},message:"must have required property '"+"derived"+"'"};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
if(data12.values === undefined){
const err32 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/required",keyword:"required",params:{missingProperty: "values"},message:"must have required property '"+"values"+"'"};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
for(const key3 in data12){
if(!(func1.call(schema39.properties, key3))){
const err33 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key3},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
if(data12.name !== undefined){
let data13 = data12.name;
if(typeof data13 === "string"){
if(!pattern6.test(data13)){
const err34 = {instancePath:instancePath+"/columns/" + i0+"/name",schemaPath:"#/$defs/Column/properties/name/pattern",keyword:"pattern",params:{pattern: "\\S"},message:"must match pattern \""+"\\S"+"\""};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
}
else {
const err35 = {instancePath:instancePath+"/columns/" + i0+"/name",schemaPath:"#/$defs/Column/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data12.label !== undefined){
if(typeof data12.label !== "string"){
const err36 = {instancePath:instancePath+"/columns/" + i0+"/label",schemaPath:"#/$defs/Column/properties/label/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data12.unit !== undefined){
let data15 = data12.unit;
if((typeof data15 !== "string") && (data15 !== null)){
const err37 = {instancePath:instancePath+"/columns/" + i0+"/unit",schemaPath:"#/$defs/Column/properties/unit/type",keyword:"type",params:{type: schema39.properties.unit.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
if(data12.quantity !== undefined){
let data16 = data12.quantity;
if((typeof data16 !== "string") && (data16 !== null)){
const err38 = {instancePath:instancePath+"/columns/" + i0+"/quantity",schemaPath:"#/$defs/Column/properties/quantity/type",keyword:"type",params:{type: schema39.properties.quantity.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data12.sourceName !== undefined){
let data17 = data12.sourceName;
if((typeof data17 !== "string") && (data17 !== null)){
const err39 = {instancePath:instancePath+"/columns/" + i0+"/sourceName",schemaPath:"#/$defs/Column/properties/sourceName/type",keyword:"type",params:{type: schema39.properties.sourceName.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
if(data12.sourceUnit !== undefined){
let data18 = data12.sourceUnit;
if((typeof data18 !== "string") && (data18 !== null)){
const err40 = {instancePath:instancePath+"/columns/" + i0+"/sourceUnit",schemaPath:"#/$defs/Column/properties/sourceUnit/type",keyword:"type",params:{type: schema39.properties.sourceUnit.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
if(data12.derived !== undefined){
if(typeof data12.derived !== "boolean"){
const err41 = {instancePath:instancePath+"/columns/" + i0+"/derived",schemaPath:"#/$defs/Column/properties/derived/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
if(data12.dtype !== undefined){
let data20 = data12.dtype;
if(!((((((((((data20 === "float64") || (data20 === "float32")) || (data20 === "int8")) || (data20 === "int16")) || (data20 === "int32")) || (data20 === "uint8")) || (data20 === "uint16")) || (data20 === "uint32")) || (data20 === "string")) || (data20 === "boolean"))){
const err42 = {instancePath:instancePath+"/columns/" + i0+"/dtype",schemaPath:"#/$defs/Column/properties/dtype/enum",keyword:"enum",params:{allowedValues: schema39.properties.dtype.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data12.description !== undefined){
if(typeof data12.description !== "string"){
const err43 = {instancePath:instancePath+"/columns/" + i0+"/description",schemaPath:"#/$defs/Column/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
}
if(data12.codes !== undefined){
let data22 = data12.codes;
if(data22 && typeof data22 == "object" && !Array.isArray(data22)){
for(const key4 in data22){
if(typeof data22[key4] !== "string"){
const err44 = {instancePath:instancePath+"/columns/" + i0+"/codes/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/$defs/Column/properties/codes/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
}
}
else {
const err45 = {instancePath:instancePath+"/columns/" + i0+"/codes",schemaPath:"#/$defs/Column/properties/codes/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data12.values !== undefined){
let data24 = data12.values;
if(Array.isArray(data24)){
const len1 = data24.length;
for(let i1=0; i1<len1; i1++){
let data25 = data24[i1];
if((((!((typeof data25 == "number") && (isFinite(data25)))) && (typeof data25 !== "string")) && (typeof data25 !== "boolean")) && (data25 !== null)){
const err46 = {instancePath:instancePath+"/columns/" + i0+"/values/" + i1,schemaPath:"#/$defs/Column/properties/values/items/type",keyword:"type",params:{type: schema39.properties.values.items.type},message:"must be number,string,boolean,null"};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
}
else {
const err47 = {instancePath:instancePath+"/columns/" + i0+"/values",schemaPath:"#/$defs/Column/properties/values/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/columns/" + i0,schemaPath:"#/$defs/Column/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
else {
const err49 = {instancePath:instancePath+"/columns",schemaPath:"#/properties/columns/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
}
if(data.tables !== undefined){
let data26 = data.tables;
if(Array.isArray(data26)){
const len2 = data26.length;
for(let i2=0; i2<len2; i2++){
if(!(validate24(data26[i2], {instancePath:instancePath+"/tables/" + i2,parentData:data26,parentDataProperty:i2,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate24.errors : vErrors.concat(validate24.errors);
errors = vErrors.length;
}
}
}
else {
const err50 = {instancePath:instancePath+"/tables",schemaPath:"#/properties/tables/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
}
}
else {
const err51 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
validate23.errors = vErrors;
return errors === 0;
}
validate23.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};

const schema42 = {"title":"Diagnostic","type":"object","required":["severity","ruleId","source","message"],"additionalProperties":false,"properties":{"severity":{"enum":["error","warning","info"]},"ruleId":{"type":"string","description":"Stable id of the check, e.g. truncated-record, unknown-column-id."},"source":{"type":"string","description":"Plugin or transformer id that reported it."},"message":{"type":"string"},"place":{"$ref":"#/$defs/Place"},"expected":{"type":["string","null"]},"actual":{"type":["string","null"]},"note":{"type":["string","null"]}}};
const schema43 = {"title":"Place","type":"object","additionalProperties":false,"properties":{"offset":{"type":"integer","minimum":0,"description":"Byte offset in the file."},"line":{"type":"integer","minimum":1},"column":{"type":"integer","minimum":1},"record":{"type":"integer","minimum":0,"description":"Record (row) index."}}};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
let vErrors = null;
let errors = 0;
const evaluated0 = validate27.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.severity === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "severity"},message:"must have required property '"+"severity"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.ruleId === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "ruleId"},message:"must have required property '"+"ruleId"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.source === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.message === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "message"},message:"must have required property '"+"message"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!((((((((key0 === "severity") || (key0 === "ruleId")) || (key0 === "source")) || (key0 === "message")) || (key0 === "place")) || (key0 === "expected")) || (key0 === "actual")) || (key0 === "note"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.severity !== undefined){
let data0 = data.severity;
if(!(((data0 === "error") || (data0 === "warning")) || (data0 === "info"))){
const err5 = {instancePath:instancePath+"/severity",schemaPath:"#/properties/severity/enum",keyword:"enum",params:{allowedValues: schema42.properties.severity.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.ruleId !== undefined){
if(typeof data.ruleId !== "string"){
const err6 = {instancePath:instancePath+"/ruleId",schemaPath:"#/properties/ruleId/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.source !== undefined){
if(typeof data.source !== "string"){
const err7 = {instancePath:instancePath+"/source",schemaPath:"#/properties/source/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.message !== undefined){
if(typeof data.message !== "string"){
const err8 = {instancePath:instancePath+"/message",schemaPath:"#/properties/message/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.place !== undefined){
let data4 = data.place;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
if(!((((key1 === "offset") || (key1 === "line")) || (key1 === "column")) || (key1 === "record"))){
const err9 = {instancePath:instancePath+"/place",schemaPath:"#/$defs/Place/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data4.offset !== undefined){
let data5 = data4.offset;
if(!(((typeof data5 == "number") && (!(data5 % 1) && !isNaN(data5))) && (isFinite(data5)))){
const err10 = {instancePath:instancePath+"/place/offset",schemaPath:"#/$defs/Place/properties/offset/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if((typeof data5 == "number") && (isFinite(data5))){
if(data5 < 0 || isNaN(data5)){
const err11 = {instancePath:instancePath+"/place/offset",schemaPath:"#/$defs/Place/properties/offset/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data4.line !== undefined){
let data6 = data4.line;
if(!(((typeof data6 == "number") && (!(data6 % 1) && !isNaN(data6))) && (isFinite(data6)))){
const err12 = {instancePath:instancePath+"/place/line",schemaPath:"#/$defs/Place/properties/line/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
if((typeof data6 == "number") && (isFinite(data6))){
if(data6 < 1 || isNaN(data6)){
const err13 = {instancePath:instancePath+"/place/line",schemaPath:"#/$defs/Place/properties/line/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
if(data4.column !== undefined){
let data7 = data4.column;
if(!(((typeof data7 == "number") && (!(data7 % 1) && !isNaN(data7))) && (isFinite(data7)))){
const err14 = {instancePath:instancePath+"/place/column",schemaPath:"#/$defs/Place/properties/column/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if((typeof data7 == "number") && (isFinite(data7))){
if(data7 < 1 || isNaN(data7)){
const err15 = {instancePath:instancePath+"/place/column",schemaPath:"#/$defs/Place/properties/column/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
if(data4.record !== undefined){
let data8 = data4.record;
if(!(((typeof data8 == "number") && (!(data8 % 1) && !isNaN(data8))) && (isFinite(data8)))){
const err16 = {instancePath:instancePath+"/place/record",schemaPath:"#/$defs/Place/properties/record/type",keyword:"type",params:{type: "integer"},message:"must be integer"};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if((typeof data8 == "number") && (isFinite(data8))){
if(data8 < 0 || isNaN(data8)){
const err17 = {instancePath:instancePath+"/place/record",schemaPath:"#/$defs/Place/properties/record/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0"};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
}
else {
const err18 = {instancePath:instancePath+"/place",schemaPath:"#/$defs/Place/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.expected !== undefined){
let data9 = data.expected;
if((typeof data9 !== "string") && (data9 !== null)){
const err19 = {instancePath:instancePath+"/expected",schemaPath:"#/properties/expected/type",keyword:"type",params:{type: schema42.properties.expected.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.actual !== undefined){
let data10 = data.actual;
if((typeof data10 !== "string") && (data10 !== null)){
const err20 = {instancePath:instancePath+"/actual",schemaPath:"#/properties/actual/type",keyword:"type",params:{type: schema42.properties.actual.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data.note !== undefined){
let data11 = data.note;
if((typeof data11 !== "string") && (data11 !== null)){
const err21 = {instancePath:instancePath+"/note",schemaPath:"#/properties/note/type",keyword:"type",params:{type: schema42.properties.note.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}
validate27.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};


function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data, dynamicAnchors={}}={}){
/*# sourceURL="https://echemkit.dev/schemas/echemkit/1.0/echemkit.schema.json" */;
let vErrors = null;
let errors = 0;
const evaluated0 = validate20.evaluated;
if(evaluated0.dynamicProps){
evaluated0.props = undefined;
}
if(evaluated0.dynamicItems){
evaluated0.items = undefined;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.echemkit === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "echemkit"},message:"must have required property '"+"echemkit"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.source === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.measurements === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "measurements"},message:"must have required property '"+"measurements"+"'"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.diagnostics === undefined){
const err3 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "diagnostics"},message:"must have required property '"+"diagnostics"+"'"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "echemkit") || (key0 === "source")) || (key0 === "sample")) || (key0 === "measurements")) || (key0 === "diagnostics"))){
const err4 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.echemkit !== undefined){
if("1.0" !== data.echemkit){
const err5 = {instancePath:instancePath+"/echemkit",schemaPath:"#/properties/echemkit/const",keyword:"const",params:{allowedValue: "1.0"},message:"must be equal to constant"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.source !== undefined){
if(!(validate21(data.source, {instancePath:instancePath+"/source",parentData:data,parentDataProperty:"source",rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate21.errors : vErrors.concat(validate21.errors);
errors = vErrors.length;
}
}
if(data.sample !== undefined){
let data2 = data.sample;
if(data2 && typeof data2 == "object" && !Array.isArray(data2)){
for(const key1 in data2){
if(!(((((key1 === "name") || (key1 === "activeMassGram")) || (key1 === "nominalCapacityAh")) || (key1 === "electrodeAreaSquareCentimetre")) || (key1 === "comments"))){
const err6 = {instancePath:instancePath+"/sample",schemaPath:"#/$defs/Sample/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data2.name !== undefined){
let data3 = data2.name;
if((typeof data3 !== "string") && (data3 !== null)){
const err7 = {instancePath:instancePath+"/sample/name",schemaPath:"#/$defs/Sample/properties/name/type",keyword:"type",params:{type: schema35.properties.name.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data2.activeMassGram !== undefined){
let data4 = data2.activeMassGram;
if((!((typeof data4 == "number") && (isFinite(data4)))) && (data4 !== null)){
const err8 = {instancePath:instancePath+"/sample/activeMassGram",schemaPath:"#/$defs/Sample/properties/activeMassGram/type",keyword:"type",params:{type: schema35.properties.activeMassGram.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data2.nominalCapacityAh !== undefined){
let data5 = data2.nominalCapacityAh;
if((!((typeof data5 == "number") && (isFinite(data5)))) && (data5 !== null)){
const err9 = {instancePath:instancePath+"/sample/nominalCapacityAh",schemaPath:"#/$defs/Sample/properties/nominalCapacityAh/type",keyword:"type",params:{type: schema35.properties.nominalCapacityAh.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data2.electrodeAreaSquareCentimetre !== undefined){
let data6 = data2.electrodeAreaSquareCentimetre;
if((!((typeof data6 == "number") && (isFinite(data6)))) && (data6 !== null)){
const err10 = {instancePath:instancePath+"/sample/electrodeAreaSquareCentimetre",schemaPath:"#/$defs/Sample/properties/electrodeAreaSquareCentimetre/type",keyword:"type",params:{type: schema35.properties.electrodeAreaSquareCentimetre.type},message:"must be number,null"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data2.comments !== undefined){
let data7 = data2.comments;
if((typeof data7 !== "string") && (data7 !== null)){
const err11 = {instancePath:instancePath+"/sample/comments",schemaPath:"#/$defs/Sample/properties/comments/type",keyword:"type",params:{type: schema35.properties.comments.type},message:"must be string,null"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
else {
const err12 = {instancePath:instancePath+"/sample",schemaPath:"#/$defs/Sample/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.measurements !== undefined){
let data8 = data.measurements;
if(Array.isArray(data8)){
const len0 = data8.length;
for(let i0=0; i0<len0; i0++){
if(!(validate23(data8[i0], {instancePath:instancePath+"/measurements/" + i0,parentData:data8,parentDataProperty:i0,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate23.errors : vErrors.concat(validate23.errors);
errors = vErrors.length;
}
}
}
else {
const err13 = {instancePath:instancePath+"/measurements",schemaPath:"#/properties/measurements/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.diagnostics !== undefined){
let data10 = data.diagnostics;
if(Array.isArray(data10)){
const len1 = data10.length;
for(let i1=0; i1<len1; i1++){
if(!(validate27(data10[i1], {instancePath:instancePath+"/diagnostics/" + i1,parentData:data10,parentDataProperty:i1,rootData,dynamicAnchors}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
}
}
else {
const err14 = {instancePath:instancePath+"/diagnostics",schemaPath:"#/properties/diagnostics/type",keyword:"type",params:{type: "array"},message:"must be array"};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}
validate20.evaluated = {"props":true,"dynamicProps":false,"dynamicItems":false};
