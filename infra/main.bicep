// SharingHub in one resource group: `azd up` provisions this, then deploys ./functions into the function app.
// Plain resources in local modules only (no registry modules), so the templates compile without network access.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Azure region of every resource (one where Flex Consumption is offered, e.g. norwayeast, swedencentral).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Object id of the deploying user: gets data access to storage and Secrets Officer on the vault. Empty to skip.')
param principalId string = ''

@description('Type of principalId (ServicePrincipal when a pipeline deploys).')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('Application (client) id of the multi-tenant Entra app registration used for Teams (docs/deploy.md). Empty: outbox mode.')
param teamsClientId string = ''

// Generated once by azd and kept in .azure/<env>/config.json, so that provisioning again does not replace them
// (a new token-cache key would make every stored Teams connection unreadable). Without azd, pass them explicitly.
@secure()
@description('The first admin API key, stored in Key Vault as bootstrap-admin-key.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
@minLength(32)
param bootstrapAdminKey string

@secure()
@description('Seed of the Teams token-cache key (at least 32 characters); Key Vault gets base64 of its first 32, an AES-256 key.')
@metadata({
  azd: {
    type: 'generate'
    config: {
      length: 48
      noSpecial: true
    }
  }
})
@minLength(32)
param tokenCacheKey string

@description('Tables the hub uses. A feature that adds a table adds its name here.')
param tableNames string[] = [
  'networks'
  'stories'
  'storyindexall'
  'storyindexgoal'
  'storyindextarget'
  'storyindexkommune'
  'storyindexfylke'
  'storyindexnetwork'
  'storyindexsector'
  'storykeys'
  'idempotency'
  'accesskeys'
  'audit'
  'feedsources'
  'feedsdue'
  'feedpolls'
  'webinars'
  'webinarindex'
  'webinarassets'
  'webinaruploads'
  'subscriptions'
  'digestdeliveries'
  'digestcarried'
  'teamsconnections'
  'signinsessions'
  'members'
]

@description('Blob containers the hub uses (webinar assets, Teams token caches, the digest outbox).')
param containerNames string[] = [
  'webinar-assets'
  'webinar-transcripts'
  'teams-tokencache'
  'search-index'
  'digest-outbox'
  'dataprotection'
]

@description('Queues the hub uses (digest deliveries, webinar asset checks), each with the poison queue the Functions host moves failed messages to.')
param queueNames string[] = [
  'digest-deliveries'
  'digest-deliveries-poison'
  'webinar-asset-checks'
  'webinar-asset-checks-poison'
  'search-notices'
  'search-notices-poison'
]

@description('Further app settings for the function app, merged over the defaults.')
param extraAppSettings object = {}

@description('Most instances the function app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

var tags = {
  'azd-env-name': environmentName
  application: 'sharinghub'
}
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var deploymentContainerName = 'deployment-package'
// Names are fixed here rather than read from module outputs, so that what-if can predict every resource.
var names = {
  identity: 'id-api-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: resourceGroup
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: resourceGroup
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: resourceGroup
  params: {
    name: names.storage
    location: location
    tags: tags
    tableNames: tableNames
    containerNames: union(containerNames, [deploymentContainerName])
    queueNames: queueNames
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: resourceGroup
  params: {
    name: names.keyVault
    location: location
    tags: tags
    bootstrapAdminKey: bootstrapAdminKey
    tokenCacheKey: base64(take(tokenCacheKey, 32))
  }
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: resourceGroup
  params: {
    storageAccountName: names.storage
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    appIdentityName: names.identity
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
  // The names are known up front, so nothing implies that the resources must exist first: say it.
  dependsOn: [
    storage
    keyVault
    monitoring
  ]
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: resourceGroup
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    tags: tags
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    bootstrapAdminKeySecretUri: keyVault.outputs.bootstrapAdminKeySecretUri
    tokenCacheKeySecretUri: keyVault.outputs.tokenCacheKeySecretUri
    dataProtectionKeyUri: keyVault.outputs.dataProtectionKeyUri
    teamsClientId: teamsClientId
    extraAppSettings: extraAppSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
  }
  // The app must not start before it may read its storage and its Key Vault references.
  dependsOn: [
    roles
  ]
}

// The workspace uploads from the browser straight to Blob Storage: allow the pages' origin (the app's own host name, and
// a custom domain given as Pages__PublicBaseUrl in extraAppSettings).
module blobCors 'modules/blobcors.bicep' = {
  name: 'blobcors'
  scope: resourceGroup
  params: {
    storageAccountName: names.storage
    origins: union([functionApp.outputs.uri], contains(extraAppSettings, 'Pages__PublicBaseUrl') ? [extraAppSettings.Pages__PublicBaseUrl] : [])
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = functionApp.outputs.uri
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
