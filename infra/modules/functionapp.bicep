// The Functions app on the Flex Consumption plan (.NET 10, isolated worker). Every connection is identity-based:
// AzureWebJobsStorage (the host), Storage (the hub's tables, blobs and queues, and the queue trigger's
// Connection = "Storage"), Application Insights and the Key Vault references all use the user-assigned identity.

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param name string

@description('Azure region.')
param location string

@description('Tags for the resources; the app also gets azd-service-name so that azd deploy finds it.')
param tags object

@description('Service name in azure.yaml.')
param serviceName string = 'api'

@description('Resource id of the user-assigned identity.')
param identityId string

@description('Client id of the user-assigned identity.')
param identityClientId string

@description('Name of the storage account.')
param storageAccountName string

@description('Blob endpoint of the storage account, with its trailing slash.')
param blobEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Blob container the deployment package is uploaded to.')
param deploymentContainerName string

@description('Application Insights connection string (it identifies the component; ingestion needs the identity).')
param applicationInsightsConnectionString string

@description('Versionless Key Vault secret URI of the first admin key.')
param bootstrapAdminKeySecretUri string

@description('Versionless Key Vault secret URI of the token-cache encryption key.')
param tokenCacheKeySecretUri string

@description('Versionless Key Vault key URI that wraps the Data Protection key ring (sign-in session cookies).')
param dataProtectionKeyUri string

@description('Application (client) id of the multi-tenant Entra app the hub posts to Teams with; empty for outbox mode.')
param teamsClientId string

@description('Further app settings (for example a feature\'s options), merged over the defaults.')
param extraAppSettings object = {}

@description('Most instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Memory of each instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }

  // Flex Consumption sets the worker runtime and extension version from functionAppConfig; it rejects
  // FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION as app settings, so they are absent here.
  // The Storage__* names use the casing the Functions documentation gives for identity-based connections
  // (queueServiceUri, credential, clientId): the scale controller reads them too, and the hub binds them case-insensitively.
  resource appSettings 'config' = {
    name: 'appsettings'
    properties: union(
      {
        AzureWebJobsStorage__accountName: storageAccountName
        AzureWebJobsStorage__credential: 'managedidentity'
        AzureWebJobsStorage__clientId: identityClientId
        Storage__blobServiceUri: blobEndpoint
        Storage__tableServiceUri: tableEndpoint
        Storage__queueServiceUri: queueEndpoint
        Storage__credential: 'managedidentity'
        Storage__clientId: identityClientId
        Storage__ManagedIdentityClientId: identityClientId
        APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
        APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
        Access__BootstrapAdminKey: '@Microsoft.KeyVault(SecretUri=${bootstrapAdminKeySecretUri})'
        Teams__TokenCacheKey: '@Microsoft.KeyVault(SecretUri=${tokenCacheKeySecretUri})'
        Teams__ClientId: teamsClientId
        SignIn__KeyRing__KeyVaultKeyUri: dataProtectionKeyUri
        // Digests link to the pages from a background job, which has no request to take a host from. A custom domain
        // overrides it through extraAppSettings.
        Pages__PublicBaseUrl: 'https://${app.properties.defaultHostName}'
        // The pages own "/": the host's own placeholder page must not answer there.
        AzureWebJobsDisableHomepage: 'true'
      },
      extraAppSettings
    )
  }
}

output id string = app.id
output name string = app.name
output uri string = 'https://${app.properties.defaultHostName}'
